package com.buildnest.platform.security;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * Who may call what, for every endpoint the application serves: one row per endpoint and caller
 * (anonymous, customer, staff, admin) with the exact answer the access rules promise. A refused
 * caller gets the 401 or 403 problem and changes nothing; an allowed caller gets past security to
 * the handler, shown by a success or by the handler's own answer to a minimal request (400
 * {@code request.invalid} for an empty body, 404 for an id that does not exist). The matrix is
 * checked against the OpenAPI document, so a new endpoint without its rows fails the build.
 */
@BuildNestTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAccessMatrixTests {

    /** An id no address has: allowed callers reach the handler and learn it is not there. */
    static final long MISSING_ID = 987_654_321L;

    /** A SKU no stock is tracked for. */
    static final String MISSING_SKU = "NO-SUCH-SKU-987654321";

    /** An order number no order has. */
    static final String MISSING_ORDER = "BN-000000-NOSUCH00";

    /** A gateway order no payment has. */
    static final String MISSING_GATEWAY_ORDER = "order_NoSuchOrder0001";

    static final Outcome UNAUTHENTICATED = new Outcome(401, "auth.unauthenticated");
    static final Outcome FORBIDDEN = new Outcome(403, "auth.forbidden");
    static final Outcome INVALID = new Outcome(400, "request.invalid");

    /** The four kinds of caller, with the roles the application would put in their tokens. */
    enum Caller {
        ANONYMOUS, CUSTOMER(Role.CUSTOMER), STAFF(Role.CUSTOMER, Role.STAFF),
        // Without STAFF: proves the administrator role alone opens the staff area.
        ADMIN(Role.CUSTOMER, Role.ADMIN);

        final Role[] roles;

        Caller(Role... roles) {
            this.roles = roles;
        }
    }

    /** What the {id} in a path stands for. */
    enum PathId {
        NONE, FIRST_PRODUCT, MISSING, FRESH_ACCOUNT, MISSING_SKU, MISSING_ORDER, MISSING_GATEWAY_ORDER
    }

    /** What must be seen unchanged after a refusal. */
    enum Unchanged {
        /** An anonymous caller names no account, and the request never reached a handler. */
        NOTHING_TO_SEE,
        /** The fresh target account: its roles, and no audit line (every change of it is audited). */
        TARGET_ACCOUNT,
        /** No emergency revocation: a token issued before the call still works, nothing was audited. */
        ISSUED_TOKENS
    }

    /** An answer: a status and, for problems, the stable code. */
    record Outcome(int status, String code) {

        static Outcome success(int status) {
            return new Outcome(status, null);
        }

        static Outcome problem(int status, String code) {
            return new Outcome(status, code);
        }

        boolean refused() {
            return status == 401 || status == 403;
        }
    }

    /** One served method and path, the request each caller sends there, and what each must get back. */
    record Endpoint(String method, String path, String variant, String body, PathId id, Unchanged unchanged,
            Map<Caller, Outcome> outcomes) {

        Endpoint(String method, String path, String body, PathId id, Unchanged unchanged,
                Map<Caller, Outcome> outcomes) {
            this(method, path, null, body, id, unchanged, outcomes);
        }

        String key() {
            return method + " " + path;
        }

        /** The same request with another body, to show the access rule does not hinge on the body. */
        Endpoint withBody(String variant, String body) {
            return new Endpoint(method, path, variant, body, id, unchanged, outcomes);
        }

        Row row(Caller caller) {
            return new Row(this, caller, outcomes.get(caller));
        }
    }

    /** One caller at one endpoint. */
    record Row(Endpoint endpoint, Caller caller, Outcome expected) {

        @Override
        public String toString() {
            return endpoint.key() + (endpoint.variant() == null ? "" : " " + endpoint.variant()) + " as " + caller
                    + " → " + expected.status();
        }
    }

    static final String ROLES = "{\"roles\": [\"CUSTOMER\", \"STAFF\"]}";

    static final List<Endpoint> ENDPOINTS = List.of(
            // Catalogue: public reads.
            everyone("GET", "/api/categories", null, PathId.NONE, Outcome.success(200)),
            everyone("GET", "/api/products", null, PathId.NONE, Outcome.success(200)),
            everyone("GET", "/api/products/search", null, PathId.NONE, Outcome.success(200)),
            everyone("GET", "/api/products/{id}", null, PathId.FIRST_PRODUCT, Outcome.success(200)),
            // Reviews: anyone reads them; writing one takes a signed-in buyer (an empty body reaches validation).
            everyone("GET", "/api/products/{id}/reviews", null, PathId.FIRST_PRODUCT, Outcome.success(200)),
            signedIn("POST", "/api/products/{id}/reviews", "{}", PathId.FIRST_PRODUCT, INVALID),

            // Registration, sign-in, sessions and forgotten passwords: open to all. An empty body
            // reaches validation, which proves security let the caller through and changes nothing.
            everyone("POST", "/api/auth/register", "{}", PathId.NONE, INVALID),
            everyone("POST", "/api/auth/login", "{}", PathId.NONE, INVALID),
            everyone("POST", "/api/auth/refresh", "{}", PathId.NONE, INVALID),
            everyone("POST", "/api/auth/logout", "{}", PathId.NONE, INVALID),
            everyone("POST", "/api/auth/password/forgot", "{}", PathId.NONE, INVALID),
            everyone("POST", "/api/auth/password/reset", "{}", PathId.NONE, INVALID),

            // The cart: customers and guests alike (a guest's cart is found by its X-Cart-Token, and
            // without one there is none, so a line is not found). Empty bodies reach validation.
            everyone("GET", "/api/cart", null, PathId.NONE, Outcome.success(200)),
            everyone("POST", "/api/cart/items", "{}", PathId.NONE, INVALID),
            everyone("PATCH", "/api/cart/items/{itemId}", "{}", PathId.MISSING, INVALID),
            everyone("DELETE", "/api/cart/items/{itemId}", null, PathId.MISSING,
                    Outcome.problem(404, "cart.item-not-found")),

            // The caller's own profile, password and address book: any signed-in caller.
            signedIn("GET", "/api/me", null, PathId.NONE, Outcome.success(200)),
            signedIn("PATCH", "/api/me", "{}", PathId.NONE, Outcome.success(200)),
            signedIn("POST", "/api/me/password", "{}", PathId.NONE, INVALID),
            signedIn("GET", "/api/me/addresses", null, PathId.NONE, Outcome.success(200)),
            signedIn("POST", "/api/me/addresses", "{}", PathId.NONE, INVALID),
            signedIn("GET", "/api/me/addresses/{id}", null, PathId.MISSING,
                    Outcome.problem(404, "customer.address-not-found")),
            signedIn("PUT", "/api/me/addresses/{id}", "{}", PathId.MISSING, INVALID),
            signedIn("DELETE", "/api/me/addresses/{id}", null, PathId.MISSING,
                    Outcome.problem(404, "customer.address-not-found")),

            // The caller's own orders: any signed-in caller; an order that is not theirs is not found.
            signedIn("GET", "/api/orders", null, PathId.NONE, Outcome.success(200)),
            signedIn("GET", "/api/orders/{orderNumber}", null, PathId.MISSING_ORDER,
                    Outcome.problem(404, "order.not-found")),
            signedIn("GET", "/api/orders/{orderNumber}/invoice", null, PathId.MISSING_ORDER,
                    Outcome.problem(404, "order.not-found")),
            signedIn("POST", "/api/orders/{orderNumber}/cancel", null, PathId.MISSING_ORDER,
                    Outcome.problem(404, "order.not-found")),
            signedIn("POST", "/api/orders/{orderNumber}/return", "{\"reason\": \"The bags arrived torn\"}",
                    PathId.MISSING_ORDER, Outcome.problem(404, "order.not-found")),
            // The caller's own wishlist: a product that does not exist cannot be added, and removing it is a no-op.
            signedIn("GET", "/api/wishlist", null, PathId.NONE, Outcome.success(200)),
            signedIn("PUT", "/api/wishlist/items/{productId}", null, PathId.MISSING,
                    Outcome.problem(404, "catalog.product-not-found")),
            signedIn("DELETE", "/api/wishlist/items/{productId}", null, PathId.MISSING, Outcome.success(204)),
            // Checkout and the browser's payment callback: any signed-in customer, for their own cart and order.
            signedIn("POST", "/api/checkout", "{}", PathId.NONE, INVALID),
            signedIn("POST", "/api/payments/razorpay/verify", "{}", PathId.NONE, INVALID),
            // Payments. Razorpay's webhook needs no token (its HMAC is checked instead): an unsigned
            // body is refused by the handler, for everyone alike. The simulated checkout is any
            // signed-in owner's; a gateway order that is not the caller's is not found.
            everyone("POST", "/api/webhooks/razorpay", "{}", PathId.NONE,
                    Outcome.problem(400, "payment.webhook-signature-invalid")),
            signedIn("POST", "/api/payments/simulated/{gatewayOrderId}/pay", "{\"outcome\": \"success\"}",
                    PathId.MISSING_GATEWAY_ORDER, Outcome.problem(404, "payment.not-found")),

            // Staff area: staff and administrators; roles, audit and signing keys: administrators.
            staffArea("GET", "/api/admin/customers", null, PathId.NONE, Unchanged.NOTHING_TO_SEE,
                    Outcome.success(200)),
            staffArea("POST", "/api/admin/customers/{id}/disable", null, PathId.FRESH_ACCOUNT,
                    Unchanged.TARGET_ACCOUNT, Outcome.success(200)),
            staffArea("POST", "/api/admin/customers/{id}/enable", null, PathId.FRESH_ACCOUNT,
                    Unchanged.TARGET_ACCOUNT, Outcome.success(200)),
            // A valid body for every caller: the refusal must not hinge on the body being invalid.
            administratorsOnly("PUT", "/api/admin/customers/{id}/roles", ROLES, PathId.FRESH_ACCOUNT,
                    Unchanged.TARGET_ACCOUNT, Outcome.success(200)),
            staffArea("GET", "/api/admin/outbox", null, PathId.NONE, Unchanged.NOTHING_TO_SEE, Outcome.success(200)),
            // Inventory: staff and administrators. The SKU is not tracked, so nothing can change.
            staffArea("GET", "/api/admin/inventory/low-stock", null, PathId.NONE, Unchanged.NOTHING_TO_SEE,
                    Outcome.success(200)),
            staffArea("GET", "/api/admin/inventory/{sku}", null, PathId.MISSING_SKU, Unchanged.NOTHING_TO_SEE,
                    Outcome.problem(404, "inventory.sku-not-found")),
            staffArea("POST", "/api/admin/inventory/{sku}/receipts", "{}", PathId.MISSING_SKU,
                    Unchanged.NOTHING_TO_SEE, INVALID),
            staffArea("POST", "/api/admin/inventory/{sku}/adjustments", "{}", PathId.MISSING_SKU,
                    Unchanged.NOTHING_TO_SEE, INVALID),
            // An empty body asks for the default threshold: valid, so the handler answers.
            staffArea("PUT", "/api/admin/inventory/{sku}/threshold", "{}", PathId.MISSING_SKU,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "inventory.sku-not-found")),
            // Catalogue administration: staff and administrators. Ids that do not exist and empty
            // bodies, so an allowed caller reaches the handler and nothing can change.
            staffArea("POST", "/api/admin/products", "{}", PathId.NONE, Unchanged.NOTHING_TO_SEE, INVALID),
            staffArea("GET", "/api/admin/products/{id}", null, PathId.MISSING, Unchanged.NOTHING_TO_SEE,
                    Outcome.problem(404, "catalog.product-not-found")),
            staffArea("PUT", "/api/admin/products/{id}", "{}", PathId.MISSING, Unchanged.NOTHING_TO_SEE, INVALID),
            staffArea("DELETE", "/api/admin/products/{id}", null, PathId.MISSING, Unchanged.NOTHING_TO_SEE,
                    Outcome.problem(404, "catalog.product-not-found")),
            staffArea("GET", "/api/admin/products/export", null, PathId.NONE, Unchanged.NOTHING_TO_SEE,
                    Outcome.success(200)),
            // A JSON body where a multipart file is expected: past security, refused by the handler.
            staffArea("POST", "/api/admin/products/import", "{}", PathId.NONE, Unchanged.NOTHING_TO_SEE,
                    Outcome.problem(415, "request.unsupported-media-type")),
            staffArea("POST", "/api/admin/categories", "{}", PathId.NONE, Unchanged.NOTHING_TO_SEE, INVALID),
            staffArea("GET", "/api/admin/categories/{id}", null, PathId.MISSING, Unchanged.NOTHING_TO_SEE,
                    Outcome.problem(404, "catalog.category-not-found")),
            staffArea("PUT", "/api/admin/categories/{id}", "{}", PathId.MISSING, Unchanged.NOTHING_TO_SEE, INVALID),
            staffArea("DELETE", "/api/admin/categories/{id}", null, PathId.MISSING, Unchanged.NOTHING_TO_SEE,
                    Outcome.problem(404, "catalog.category-not-found")),
            // Orders: staff and administrators. The order does not exist, so nothing can change.
            staffArea("GET", "/api/admin/orders", null, PathId.NONE, Unchanged.NOTHING_TO_SEE, Outcome.success(200)),
            staffArea("GET", "/api/admin/orders/{orderNumber}", null, PathId.MISSING_ORDER, Unchanged.NOTHING_TO_SEE,
                    Outcome.problem(404, "order.not-found")),
            staffArea("POST", "/api/admin/orders/{orderNumber}/pack", null, PathId.MISSING_ORDER,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "order.not-found")),
            staffArea("POST", "/api/admin/orders/{orderNumber}/ship", "{}", PathId.MISSING_ORDER,
                    Unchanged.NOTHING_TO_SEE, INVALID),
            staffArea("POST", "/api/admin/orders/{orderNumber}/deliver", null, PathId.MISSING_ORDER,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "order.not-found")),
            staffArea("POST", "/api/admin/orders/{orderNumber}/cancel", "{}", PathId.MISSING_ORDER,
                    Unchanged.NOTHING_TO_SEE, INVALID),
            staffArea("POST", "/api/admin/orders/{orderNumber}/refund", "{}", PathId.MISSING_ORDER,
                    Unchanged.NOTHING_TO_SEE, INVALID),
            staffArea("POST", "/api/admin/orders/{orderNumber}/return/receive", null, PathId.MISSING_ORDER,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "order.not-found")),
            staffArea("POST", "/api/admin/orders/{orderNumber}/return/reject", "{}", PathId.MISSING_ORDER,
                    Unchanged.NOTHING_TO_SEE, INVALID),
            // Sales analytics: staff and administrators; reading changes nothing.
            staffArea("GET", "/api/admin/analytics/dashboard", null, PathId.NONE, Unchanged.NOTHING_TO_SEE,
                    Outcome.success(200)),
            // Review moderation: staff and administrators. Empty bodies reach validation, so nothing can change.
            staffArea("GET", "/api/admin/reviews", null, PathId.NONE, Unchanged.NOTHING_TO_SEE, Outcome.success(200)),
            staffArea("POST", "/api/admin/reviews/{id}/hide", "{}", PathId.MISSING, Unchanged.NOTHING_TO_SEE, INVALID),
            staffArea("POST", "/api/admin/reviews/{id}/unhide", "{}", PathId.MISSING, Unchanged.NOTHING_TO_SEE,
                    INVALID),
            administratorsOnly("GET", "/api/admin/audit", null, PathId.NONE, Unchanged.NOTHING_TO_SEE,
                    Outcome.success(200)),
            // Partner webhooks name outside systems and send traffic to them: administrators only,
            // reads included. Ids that do not exist and empty bodies: nothing can change.
            administratorsOnly("GET", "/api/admin/webhooks", null, PathId.NONE, Unchanged.NOTHING_TO_SEE,
                    Outcome.success(200)),
            administratorsOnly("POST", "/api/admin/webhooks", "{}", PathId.NONE, Unchanged.NOTHING_TO_SEE, INVALID),
            administratorsOnly("GET", "/api/admin/webhooks/{id}", null, PathId.MISSING, Unchanged.NOTHING_TO_SEE,
                    Outcome.problem(404, "partner.subscription-not-found")),
            administratorsOnly("PUT", "/api/admin/webhooks/{id}", "{}", PathId.MISSING, Unchanged.NOTHING_TO_SEE,
                    INVALID),
            administratorsOnly("DELETE", "/api/admin/webhooks/{id}", null, PathId.MISSING, Unchanged.NOTHING_TO_SEE,
                    Outcome.problem(404, "partner.subscription-not-found")),
            administratorsOnly("POST", "/api/admin/webhooks/{id}/enable", null, PathId.MISSING,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "partner.subscription-not-found")),
            administratorsOnly("POST", "/api/admin/webhooks/{id}/disable", null, PathId.MISSING,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "partner.subscription-not-found")),
            administratorsOnly("POST", "/api/admin/webhooks/{id}/rotate-secret", null, PathId.MISSING,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "partner.subscription-not-found")),
            administratorsOnly("POST", "/api/admin/webhooks/{id}/ping", null, PathId.MISSING,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "partner.subscription-not-found")),
            administratorsOnly("GET", "/api/admin/webhooks/{id}/deliveries", null, PathId.MISSING,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "partner.subscription-not-found")),
            administratorsOnly("GET", "/api/admin/webhooks/{id}/deliveries/{deliveryId}", null, PathId.MISSING,
                    Unchanged.NOTHING_TO_SEE, Outcome.problem(404, "partner.delivery-not-found")),
            administratorsOnly("GET", "/api/admin/security/signing-key", null, PathId.NONE, Unchanged.NOTHING_TO_SEE,
                    Outcome.success(200)),
            // No ADMIN row: an administrator's call would revoke every token of this shared context
            // and disturb every other test using it. customer.SigningKeyRotationTests covers the
            // administrator's call in a context of its own.
            new Endpoint("POST", "/api/admin/security/revoke-all-tokens", null, PathId.NONE,
                    Unchanged.ISSUED_TOKENS, outcomes(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, null)),
            // The same, and for the same reason: it revokes every token and mails every signed-in customer.
            new Endpoint("POST", "/api/admin/security/emergency-rotation", "{\"reason\":\"drill\"}", PathId.NONE,
                    Unchanged.ISSUED_TOKENS, outcomes(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, null)),

            // Operations: probes and the API document are public.
            everyone("GET", "/actuator/health/liveness", null, PathId.NONE, Outcome.success(200)),
            everyone("GET", "/actuator/health/readiness", null, PathId.NONE, Outcome.success(200)),
            everyone("GET", "/v3/api-docs", null, PathId.NONE, Outcome.success(200)),

            // The container's error page answers every method though it is no endpoint (the API
            // document hides it). OPTIONS is Spring MVC's own answer; the others: ERROR_PAGE_CALLED_DIRECTLY.
            everyone("OPTIONS", "/error", null, PathId.NONE, Outcome.success(200)));

    /*
     * Rows that once found bugs (a direct call to /error answered 500; staff with an invalid body got
     * 400 before the administrator check), kept as their own tests.
     */
    static final List<Row> ERROR_PAGE_CALLED_DIRECTLY = Stream.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD")
            .map(method -> everyone(method, "/error", null, PathId.NONE,
                    // A HEAD answer has no body to carry the problem code.
                    method.equals("HEAD") ? Outcome.success(404) : Outcome.problem(404, "request.not-found")))
            .flatMap(endpoint -> Stream.of(Caller.values()).map(endpoint::row))
            .toList();

    static final List<Row> ROLE_CHANGE_WITH_INVALID_BODY = List.of(administratorsOnly("PUT",
            "/api/admin/customers/{id}/roles", null, PathId.FRESH_ACCOUNT, Unchanged.TARGET_ACCOUNT, INVALID)
            .withBody("with an empty body", "{}").row(Caller.STAFF));

    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** Endpoints whose matrix is knowingly incomplete, and why (see the comment at the row). */
    static final Map<String, Set<Caller>> NOT_CALLED = Map.of("POST /api/admin/security/revoke-all-tokens",
            Set.of(Caller.ADMIN), "POST /api/admin/security/emergency-rotation", Set.of(Caller.ADMIN));

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    final Map<Caller, Long> accounts = new EnumMap<>(Caller.class);
    long firstProductId;

    @BeforeAll
    void callersAndCatalogue() {
        for (Caller caller : List.of(Caller.CUSTOMER, Caller.STAFF, Caller.ADMIN)) {
            accounts.put(caller, tokens.newCustomer());
        }
        firstProductId = api.get("/api/products?size=1").json().get("content").get(0).get("id").asLong();
    }

    static Stream<Row> rows() {
        return ENDPOINTS.stream().flatMap(endpoint -> endpoint.outcomes().keySet().stream().map(endpoint::row));
    }

    static Stream<Row> errorPageCalledDirectly() {
        return ERROR_PAGE_CALLED_DIRECTLY.stream();
    }

    static Stream<Row> roleChangeWithInvalidBody() {
        return ROLE_CHANGE_WITH_INVALID_BODY.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachCallerGetsExactlyWhatTheAccessRulesAllow(Row row) {
        assertAnswerAndNothingChangedOnRefusal(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorPageCalledDirectly")
    void directCallToTheErrorPageFindsNothing(Row row) {
        assertAnswerAndNothingChangedOnRefusal(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roleChangeWithInvalidBody")
    void staffAreRefusedRoleChangesWhateverTheBody(Row row) {
        assertAnswerAndNothingChangedOnRefusal(row);
    }

    private void assertAnswerAndNothingChangedOnRefusal(Row row) {
        Endpoint endpoint = row.endpoint();
        long target = endpoint.id() == PathId.FRESH_ACCOUNT ? tokens.newCustomer() : 0;
        boolean revocable = endpoint.unchanged() == Unchanged.ISSUED_TOKENS;
        String issuedBefore = revocable ? tokens.validFor(accounts.get(Caller.CUSTOMER)) : null;
        long revocationsBefore = revocable ? emergencyRevocations() : 0;

        Response response = call(row, pathFor(endpoint, target));

        Outcome expected = row.expected();
        if (expected.code() != null) {
            assertProblem(response, expected.status(), expected.code());
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(expected.status());
        }
        if (!expected.refused()) {
            return;
        }
        switch (endpoint.unchanged()) {
            case NOTHING_TO_SEE -> {
            }
            case TARGET_ACCOUNT -> {
                assertThat(auditLinesAbout(target)).isZero();
                assertThat(api.get("/api/me", tokens.validFor(target)).json().get("roles"))
                        .extracting(JsonNode::asString).containsExactly("CUSTOMER");
            }
            case ISSUED_TOKENS -> {
                assertThat(api.get("/api/me", issuedBefore).status()).isEqualTo(200);
                assertThat(emergencyRevocations()).isEqualTo(revocationsBefore);
            }
        }
    }

    @Test
    void everyEndpointInTheApiDocumentHasARowForEachCaller() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        Set<String> documented = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            if (path.startsWith("/api/probe")) {
                continue; // test-only controllers, hidden from the document anyway
            }
            for (String method : paths.get(path).propertyNames()) {
                if (HTTP_METHODS.contains(method)) {
                    documented.add(method.toUpperCase() + " " + path);
                }
            }
        }
        assertThat(ENDPOINTS.stream().map(Endpoint::key)).as("one entry per endpoint").doesNotHaveDuplicates();
        Map<String, Set<Caller>> callersByEndpoint = Stream.of(rows(), errorPageCalledDirectly())
                .flatMap(Function.identity())
                .collect(Collectors.groupingBy(row -> row.endpoint().key(), TreeMap::new,
                        Collectors.mapping(Row::caller, Collectors.toCollection(() -> EnumSet.noneOf(Caller.class)))));

        assertThat(documented).as("served endpoints").isNotEmpty();
        assertThat(callersByEndpoint.keySet()).as("endpoints with access rows").containsAll(documented);
        assertThat(documented).as("rows for endpoints no longer served").containsAll(callersByEndpoint.keySet()
                .stream().filter(key -> key.contains(" /api/")).toList());
        callersByEndpoint.forEach((endpoint, callers) -> assertThat(callers).as("callers of " + endpoint)
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.copyOf(
                        NOT_CALLED.getOrDefault(endpoint, EnumSet.noneOf(Caller.class))))));
        assertThat(Stream.of(rows(), errorPageCalledDirectly(), roleChangeWithInvalidBody())
                .flatMap(Function.identity())).as("no server errors promised")
                .allSatisfy(row -> assertThat(row.expected().status()).as(row.toString()).isLessThan(500));
    }

    private Response call(Row row, String path) {
        Map<String, String> headers = new HashMap<>();
        if (row.caller() != Caller.ANONYMOUS) {
            headers.put("Authorization", "Bearer " + tokens.validFor(accounts.get(row.caller()), row.caller().roles));
        }
        String body = row.endpoint().body();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return api.send(row.endpoint().method(), path, headers,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private String pathFor(Endpoint endpoint, long target) {
        return switch (endpoint.id()) {
            case NONE -> endpoint.path();
            case FIRST_PRODUCT -> endpoint.path().replace("{id}", Long.toString(firstProductId));
            case MISSING -> endpoint.path().replace("{id}", Long.toString(MISSING_ID))
                    .replace("{itemId}", Long.toString(MISSING_ID)).replace("{deliveryId}", Long.toString(MISSING_ID))
                    .replace("{productId}", Long.toString(MISSING_ID));
            case FRESH_ACCOUNT -> endpoint.path().replace("{id}", Long.toString(target));
            case MISSING_SKU -> endpoint.path().replace("{sku}", MISSING_SKU);
            case MISSING_ORDER -> endpoint.path().replace("{orderNumber}", MISSING_ORDER);
            case MISSING_GATEWAY_ORDER -> endpoint.path().replace("{gatewayOrderId}", MISSING_GATEWAY_ORDER);
        };
    }

    private long auditLinesAbout(long accountId) {
        return api.get("/api/admin/audit?accountId=" + accountId, adminToken()).json().get("page")
                .get("totalElements").asLong();
    }

    private long emergencyRevocations() {
        return api.get("/api/admin/audit?action=signing-key.emergency-revocation", adminToken()).json().get("page")
                .get("totalElements").asLong();
    }

    private String adminToken() {
        return tokens.validFor(accounts.get(Caller.ADMIN), Caller.ADMIN.roles);
    }

    private static Endpoint everyone(String method, String path, String body, PathId id, Outcome allowed) {
        return new Endpoint(method, path, body, id, Unchanged.NOTHING_TO_SEE, outcomes(allowed, allowed, allowed,
                allowed));
    }

    private static Endpoint signedIn(String method, String path, String body, PathId id, Outcome allowed) {
        return new Endpoint(method, path, body, id, Unchanged.NOTHING_TO_SEE, outcomes(UNAUTHENTICATED, allowed,
                allowed, allowed));
    }

    private static Endpoint staffArea(String method, String path, String body, PathId id, Unchanged unchanged,
            Outcome allowed) {
        return new Endpoint(method, path, body, id, unchanged, outcomes(UNAUTHENTICATED, FORBIDDEN, allowed,
                allowed));
    }

    private static Endpoint administratorsOnly(String method, String path, String body, PathId id,
            Unchanged unchanged, Outcome allowed) {
        return new Endpoint(method, path, body, id, unchanged, outcomes(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN,
                allowed));
    }

    /** The outcome for each caller in order; null where the caller is deliberately not called. */
    private static Map<Caller, Outcome> outcomes(Outcome anonymous, Outcome customer, Outcome staff, Outcome admin) {
        Map<Caller, Outcome> outcomes = new EnumMap<>(Caller.class);
        Outcome[] given = { anonymous, customer, staff, admin };
        for (Caller caller : Caller.values()) {
            if (given[caller.ordinal()] != null) {
                outcomes.put(caller, given[caller.ordinal()]);
            }
        }
        return outcomes;
    }
}
