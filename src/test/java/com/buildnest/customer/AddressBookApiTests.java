package com.buildnest.customer;

import static com.buildnest.customer.AddressFixtures.homeInPune;
import static com.buildnest.customer.AddressFixtures.siteInBengaluru;
import static com.buildnest.customer.AddressFixtures.with;
import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The address book at /api/me/addresses, through real HTTP against the real database. */
@BuildNestTest
class AddressBookApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Test
    void firstAddressIsStoredTidiedAndBecomesTheDefault() {
        SignedIn customer = newCustomer();
        Response created = customer.post("/api/me/addresses", siteInBengaluru());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/me/addresses/" + id);
        JsonNode expected = json("""
                {"id": %d, "label": "Site", "recipientName": "Ravi Kumar", "phone": "+919845012345",
                 "line1": "Plot 42, 3rd Cross", "line2": "HSR Layout Sector 2", "landmark": "Near BDA Complex",
                 "city": "Bengaluru", "state": "KA", "stateName": "Karnataka", "pinCode": "560102",
                 "gstin": "29AABCT1332L1ZA", "isDefault": true}
                """.formatted(id));
        assertThat(created.json()).isEqualTo(expected);
        assertThat(customer.get("/api/me/addresses/" + id).json()).isEqualTo(expected);
        assertThat(customer.get("/api/me/addresses").json()).containsExactly(expected);
    }

    @Test
    void optionalPartsLeftOutOrBlankAreAbsent() {
        SignedIn customer = newCustomer();
        JsonNode home = customer.post("/api/me/addresses", with(homeInPune(), "landmark", "   ")).json();
        assertThat(home.get("line2").isNull()).isTrue();
        assertThat(home.get("landmark").isNull()).isTrue();
        assertThat(home.get("gstin").isNull()).isTrue();
        assertThat(home.get("state").asString()).isEqualTo("MH");
        assertThat(home.get("phone").asString()).isEqualTo("+917012345678");
    }

    @Test
    void stateIsAcceptedByCodeOrNameInAnyCaseAndAnsweredAsItsCode() {
        SignedIn customer = newCustomer();
        assertThat(stateOf(customer.post("/api/me/addresses", with(homeInPune(), "state", "tn")))).isEqualTo("TN");
        assertThat(stateOf(customer.post("/api/me/addresses", with(homeInPune(), "state", "Jammu & Kashmir"))))
                .isEqualTo("JK");
        assertThat(stateOf(customer.post("/api/me/addresses", with(homeInPune(), "state", "WEST BENGAL"))))
                .isEqualTo("WB");
    }

    @Test
    void replacingAnAddressChangesWhatItSaysAndKeepsItsIdAndDefault() {
        SignedIn customer = newCustomer();
        long id = idOf(customer.post("/api/me/addresses", siteInBengaluru()));

        Response replaced = customer.put("/api/me/addresses/" + id, homeInPune());

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        JsonNode expected = json("""
                {"id": %d, "label": "Home", "recipientName": "Asha Rao", "phone": "+917012345678",
                 "line1": "Flat 9B, Sai Heights, Baner Road", "line2": null, "landmark": null,
                 "city": "Pune", "state": "MH", "stateName": "Maharashtra", "pinCode": "411045",
                 "gstin": null, "isDefault": true}
                """.formatted(id));
        assertThat(replaced.json()).isEqualTo(expected);
        assertThat(customer.get("/api/me/addresses").json()).containsExactly(expected);
    }

    @Test
    void deletingAnAddressRemovesIt() {
        SignedIn customer = newCustomer();
        long site = idOf(customer.post("/api/me/addresses", siteInBengaluru()));
        long home = idOf(customer.post("/api/me/addresses", homeInPune()));

        Response deleted = customer.delete("/api/me/addresses/" + home);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertProblem(customer.get("/api/me/addresses/" + home), 404, "customer.address-not-found");
        assertThat(idsOf(customer)).containsExactly(site);
        assertProblem(customer.delete("/api/me/addresses/" + home), 404, "customer.address-not-found");
    }

    @Test
    void deletingTheLastAddressLeavesAnEmptyBook() {
        SignedIn customer = newCustomer();
        long site = idOf(customer.post("/api/me/addresses", siteInBengaluru()));
        assertThat(customer.delete("/api/me/addresses/" + site).status()).isEqualTo(204);
        assertThat(customer.get("/api/me/addresses").json()).isEmpty();
    }

    @Test
    void addressesAreListedDefaultFirstThenMostRecentFirst() {
        SignedIn customer = newCustomer();
        long first = idOf(customer.post("/api/me/addresses", with(homeInPune(), "label", "First")));
        long second = idOf(customer.post("/api/me/addresses", with(homeInPune(), "label", "Second")));
        long third = idOf(customer.post("/api/me/addresses", with(homeInPune(), "label", "Third")));

        assertThat(idsOf(customer)).containsExactly(first, third, second);
        assertThat(defaultsOf(customer)).containsExactly(first);
    }

    @Test
    void askingForAnotherDefaultMovesItThere() {
        SignedIn customer = newCustomer();
        long home = idOf(customer.post("/api/me/addresses", homeInPune()));
        long site = idOf(customer.post("/api/me/addresses", with(siteInBengaluru(), "isDefault", true)));
        assertThat(defaultsOf(customer)).containsExactly(site);

        Response replaced = customer.put("/api/me/addresses/" + home, with(homeInPune(), "isDefault", true));

        assertThat(replaced.json().get("isDefault").asBoolean()).isTrue();
        assertThat(defaultsOf(customer)).containsExactly(home);
        assertThat(idsOf(customer)).containsExactly(home, site);
    }

    @Test
    void theDefaultCannotBeAskedAwayOnlyMoved() {
        SignedIn customer = newCustomer();
        long home = idOf(customer.post("/api/me/addresses", with(homeInPune(), "isDefault", false)));
        long site = idOf(customer.post("/api/me/addresses", siteInBengaluru()));

        Response replaced = customer.put("/api/me/addresses/" + home, with(homeInPune(), "isDefault", false));

        assertThat(replaced.json().get("isDefault").asBoolean()).isTrue();
        assertThat(defaultsOf(customer)).containsExactly(home);
        assertThat(customer.get("/api/me/addresses/" + site).json().get("isDefault").asBoolean()).isFalse();
    }

    @Test
    void deletingTheDefaultPromotesTheMostRecentlyAddedOfTheRest() {
        SignedIn customer = newCustomer();
        long home = idOf(customer.post("/api/me/addresses", homeInPune()));
        long office = idOf(customer.post("/api/me/addresses", with(homeInPune(), "label", "Office")));
        long site = idOf(customer.post("/api/me/addresses", siteInBengaluru()));
        customer.put("/api/me/addresses/" + office, with(homeInPune(), "isDefault", true));

        customer.delete("/api/me/addresses/" + office);

        assertThat(defaultsOf(customer)).containsExactly(site);
        assertThat(idsOf(customer)).containsExactly(site, home);
    }

    @Test
    void theTwentyFirstAddressIsRefusedAndNothingIsStored() {
        SignedIn customer = newCustomer();
        for (int i = 1; i <= 20; i++) {
            assertThat(customer.post("/api/me/addresses", with(homeInPune(), "label", "Site " + i)).status())
                    .isEqualTo(201);
        }
        JsonNode before = customer.get("/api/me/addresses").json();

        JsonNode problem = assertProblem(
                customer.post("/api/me/addresses", with(siteInBengaluru(), "isDefault", true)), 422,
                "customer.address-limit");

        assertThat(problem.get("detail").asString()).contains("at most 20 addresses");
        assertThat(customer.get("/api/me/addresses").json()).hasSize(20).isEqualTo(before);
    }

    @Test
    void racingRequestsForTheLastPlaceLeaveTwentyAddressesAndOneDefault() throws Exception {
        SignedIn customer = newCustomer();
        for (int i = 1; i <= 19; i++) {
            idOf(customer.post("/api/me/addresses", with(homeInPune(), "label", "Site " + i)));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> racers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < 6; i++) {
                racers.add(threads.submit(() -> {
                    start.await();
                    return customer.post("/api/me/addresses", with(siteInBengaluru(), "isDefault", true)).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> racer : racers) {
                statuses.add(racer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 422, 422, 422, 422, 422);
        } finally {
            threads.shutdownNow();
        }
        assertThat(idsOf(customer)).hasSize(20);
        assertThat(defaultsOf(customer)).hasSize(1);
    }

    @Test
    void invalidPinStateGstinAndPhoneAreNamedAndNothingIsStored() {
        SignedIn customer = newCustomer();
        Map<String, Object> wrong = with(with(with(with(siteInBengaluru(), "pinCode", "012345"), "state", "Atlantis"),
                "gstin", "29AABCT1332L1ZB"), "phone", "12345");

        JsonNode problem = assertProblem(customer.post("/api/me/addresses", wrong), 400, "request.invalid");

        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("gstin", "phone", "pinCode", "state");
        assertThat(messageFor(problem, "gstin")).isEqualTo(Gstin.CHECK_RULE);
        assertThat(messageFor(problem, "pinCode")).isEqualTo(PinCode.RULE);
        assertThat(messageFor(problem, "state")).isEqualTo(IndianState.RULE);
        assertThat(messageFor(problem, "phone")).isEqualTo(MobileNumber.RULE);
        assertThat(customer.get("/api/me/addresses").json()).isEmpty();
    }

    @Test
    void eachBadFieldAloneIsRefusedByName() {
        SignedIn customer = newCustomer();
        assertRefused(customer, with(homeInPune(), "pinCode", "56010"), "pinCode");
        assertRefused(customer, with(homeInPune(), "state", "Bombay"), "state");
        assertRefused(customer, with(homeInPune(), "gstin", "27AAPFU0939F1Z"), "gstin");
        assertRefused(customer, with(homeInPune(), "gstin", ""), "gstin");
        assertRefused(customer, with(homeInPune(), "phone", "5845012345"), "phone");
        assertRefused(customer, with(homeInPune(), "line1", "x".repeat(201)), "line1");
        assertRefused(customer, with(homeInPune(), "label", " "), "label");
        assertThat(customer.get("/api/me/addresses").json()).isEmpty();
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        SignedIn customer = newCustomer();
        JsonNode problem = assertProblem(customer.post("/api/me/addresses", Map.of()), 400, "request.invalid");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("city", "label", "line1", "phone", "pinCode", "recipientName", "state");
        assertThat(customer.get("/api/me/addresses").json()).isEmpty();
    }

    @Test
    void anInvalidReplacementChangesNothing() {
        SignedIn customer = newCustomer();
        long site = idOf(customer.post("/api/me/addresses", siteInBengaluru()));
        JsonNode before = customer.get("/api/me/addresses/" + site).json();

        assertProblem(customer.put("/api/me/addresses/" + site, with(homeInPune(), "pinCode", "012345")), 400,
                "request.invalid");

        assertThat(customer.get("/api/me/addresses/" + site).json()).isEqualTo(before);
    }

    @Test
    void anotherCustomersAddressIsNotFoundAndStaysUntouched() {
        SignedIn owner = newCustomer();
        long site = idOf(owner.post("/api/me/addresses", siteInBengaluru()));
        JsonNode before = owner.get("/api/me/addresses").json();
        SignedIn stranger = newCustomer();

        assertProblem(stranger.get("/api/me/addresses/" + site), 404, "customer.address-not-found");
        assertProblem(stranger.put("/api/me/addresses/" + site, with(homeInPune(), "isDefault", true)), 404,
                "customer.address-not-found");
        assertProblem(stranger.delete("/api/me/addresses/" + site), 404, "customer.address-not-found");

        assertThat(owner.get("/api/me/addresses").json()).isEqualTo(before);
        assertThat(stranger.get("/api/me/addresses").json()).isEmpty();
    }

    @Test
    void anAddressThatNeverExistedIsNotFound() {
        SignedIn customer = newCustomer();
        assertProblem(customer.get("/api/me/addresses/987654321"), 404, "customer.address-not-found");
        assertProblem(customer.put("/api/me/addresses/987654321", homeInPune()), 404, "customer.address-not-found");
        assertProblem(customer.delete("/api/me/addresses/987654321"), 404, "customer.address-not-found");
        assertThat(customer.get("/api/me/addresses").json()).isEmpty();
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        assertProblem(api.get("/api/me/addresses"), 401, "auth.unauthenticated");
        assertProblem(api.get("/api/me/addresses/1"), 401, "auth.unauthenticated");
        assertProblem(api.postJson("/api/me/addresses", JSON.writeValueAsString(homeInPune())), 401,
                "auth.unauthenticated");
        assertProblem(api.send("PUT", "/api/me/addresses/1", Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(homeInPune()))), 401,
                "auth.unauthenticated");
        assertProblem(api.send("DELETE", "/api/me/addresses/1", Map.of(), HttpRequest.BodyPublishers.noBody()), 401,
                "auth.unauthenticated");
    }

    @Test
    void staffAndAdministratorsKeepTheirOwnBooksAndSeeNoOneElses() {
        SignedIn customer = newCustomer();
        long customersSite = idOf(customer.post("/api/me/addresses", siteInBengaluru()));
        SignedIn staff = signIn(tokens.newCustomer(), Role.STAFF);
        SignedIn admin = signIn(tokens.newCustomer(), Role.ADMIN, Role.STAFF);

        long staffHome = idOf(staff.post("/api/me/addresses", homeInPune()));
        assertThat(idsOf(staff)).containsExactly(staffHome);
        assertThat(admin.get("/api/me/addresses").json()).isEmpty();

        for (SignedIn colleague : List.of(staff, admin)) {
            assertProblem(colleague.get("/api/me/addresses/" + customersSite), 404, "customer.address-not-found");
            assertProblem(colleague.delete("/api/me/addresses/" + customersSite), 404, "customer.address-not-found");
        }
        assertThat(idsOf(customer)).containsExactly(customersSite);
    }

    @Test
    void aTokenWhoseAccountIsGoneFindsNoAddressBook() {
        SignedIn ghost = signIn(987_654_321L, Role.CUSTOMER);
        assertProblem(ghost.get("/api/me/addresses"), 404, "customer.account-not-found");
        assertProblem(ghost.post("/api/me/addresses", homeInPune()), 404, "customer.account-not-found");
    }

    private void assertRefused(SignedIn customer, Map<String, Object> address, String field) {
        JsonNode problem = assertProblem(customer.post("/api/me/addresses", address), 400, "request.invalid");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString()).containsExactly(field);
    }

    private SignedIn newCustomer() {
        return signIn(tokens.newCustomer(), Role.CUSTOMER);
    }

    private SignedIn signIn(long accountId, Role... roles) {
        return new SignedIn(api, accountId, tokens.validFor(accountId, roles));
    }

    private static long idOf(Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String stateOf(Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("state").asString();
    }

    private static List<Long> idsOf(SignedIn customer) {
        return customer.get("/api/me/addresses").json().valueStream().map(a -> a.get("id").asLong()).toList();
    }

    private static List<Long> defaultsOf(SignedIn customer) {
        return customer.get("/api/me/addresses").json().valueStream()
                .filter(a -> a.get("isDefault").asBoolean()).map(a -> a.get("id").asLong()).toList();
    }

    private static String messageFor(JsonNode problem, String field) {
        return problem.get("errors").valueStream().filter(e -> e.get("field").asString().equals(field))
                .map(e -> e.get("message").asString()).findFirst().orElseThrow();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
