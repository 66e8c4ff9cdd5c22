package com.buildnest.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The operators' traffic mix against a running BuildNest (docs/load-testing.md), as an open model:
 * visitors arrive at a given rate whatever the shop's response times, and each visit is one of
 * <ul>
 * <li>60 % browse and search: the category tree, a category listing, a keyword search, a product page;</li>
 * <li>25 % cart and checkout: sign in, address book, product page, add to cart, checkout with an
 * Idempotency-Key, pay at the simulated gateway, verify the payment (the order must be PAID);</li>
 * <li>10 % registration and login: a new customer signs up and signs in (a third of the visits), or a
 * returning one signs in and reads the profile;</li>
 * <li>5 % admin: staff sign in, list paid orders and a page of all orders, open the sales dashboard.</li>
 * </ul>
 * After a warm-up at the first rate ({@code load.warmupSeconds}, judged by nobody), the rate rises in
 * steps ({@code load.rate}, then {@code + load.increment} for {@code load.steps} steps of
 * {@code load.stepSeconds} each); a judge checks every step against the targets as soon as it
 * ends and stops the run at the first step that breaks one. Every request is written to
 * {@code load.out}/requests.csv and every step's verdict to {@code load.out}/steps.csv.
 *
 * <p>Requests leave from {@code load.proxyAddress} (a loopback address the application trusts as its
 * ingress) with {@code X-Forwarded-Proto: https} and an {@code X-Forwarded-For} client address of their
 * own per visit, as they would arrive through the Kubernetes ingress: the prod profile's HTTPS redirect
 * and per-client rate limits then see what they see in production.
 */
public class TrafficMixSimulation extends Simulation {

    private static final String BASE_URL = setting("load.baseUrl", "http://127.0.0.1:8080");
    private static final Path DATA = Path.of(setting("load.data", "target/load/data"));
    private static final Path OUT = Path.of(setting("load.out", "target/load/out"));
    private static final String PROXY = setting("load.proxyAddress", "127.0.0.2");
    private static final String PASSWORD = setting("load.password", "BuildNest-Load-Test-2026");
    private static final double RATE = Double.parseDouble(setting("load.rate", "5"));
    private static final double INCREMENT = Double.parseDouble(setting("load.increment", "5"));
    private static final int STEPS = Integer.parseInt(setting("load.steps", "1"));
    private static final int STEP_SECONDS = Integer.parseInt(setting("load.stepSeconds", "20"));
    /** A first period at the first step's rate that no verdict counts: JIT, caches and pools warm up. */
    private static final int WARMUP_SECONDS = Integer.parseInt(setting("load.warmupSeconds", "0"));
    /** How long after a step ends its verdict is taken, so that its last requests have answered. */
    private static final Duration GRACE = Duration.ofSeconds(3);

    private static final double BROWSE = 0.60;
    private static final double PURCHASE = 0.25;
    private static final double ACCOUNT = 0.10;
    private static final double ADMIN = 0.05;

    private final double[] rates = new double[STEPS];
    private volatile RequestLog log;
    private volatile long startedAt;
    private volatile int judged;

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .localAddress(PROXY)
            .shareConnections()
            .disableWarmUp()
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-For", "#{clientIp}")
            .userAgentHeader("BuildNest load harness (Gatling)");

    public TrafficMixSimulation() {
        for (int i = 0; i < STEPS; i++) {
            rates[i] = RATE + i * INCREMENT;
        }
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(browse().injectOpen(steps(BROWSE)));
        populations.add(purchase().injectOpen(steps(PURCHASE)));
        populations.add(account().injectOpen(steps(ACCOUNT)));
        populations.add(admin().injectOpen(steps(ADMIN)));
        populations.add(judge().injectOpen(atOnceUsers(1)));
        setUp(populations).protocols(protocol);
    }

    @Override
    public void before() {
        startedAt = System.currentTimeMillis();
        log = new RequestLog(OUT.resolve("requests.csv"), startedAt + WARMUP_SECONDS * 1000L, STEP_SECONDS * 1000L,
                rates);
        System.out.printf("load: %d s warm-up, then %d step(s) of %d s from %.2f visits/s (+%.2f) against %s%n",
                WARMUP_SECONDS, STEPS, STEP_SECONDS, RATE, INCREMENT, BASE_URL);
    }

    @Override
    public void after() {
        log.close();
        List<String> lines = new ArrayList<>(List.of(RequestLog.Verdict.csvHeader()));
        for (int i = 0; i < judged; i++) {
            RequestLog.Verdict verdict = log.verdict(i);
            if (verdict != null) {
                lines.add(verdict.csv());
            }
        }
        try {
            Files.write(OUT.resolve("steps.csv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The warm-up and then each step's arrival rate for one part of the mix, arrivals spread at random
     * (Poisson).
     */
    private OpenInjectionStep[] steps(double share) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (WARMUP_SECONDS > 0) {
            steps.add(arrivals(rates[0] * share, WARMUP_SECONDS));
        }
        for (int i = 0; i < STEPS; i++) {
            steps.add(arrivals(rates[i] * share, STEP_SECONDS));
        }
        return steps.toArray(OpenInjectionStep[]::new);
    }

    private static OpenInjectionStep arrivals(double perSecond, int seconds) {
        return perSecond > 0 ? constantUsersPerSec(perSecond).during(seconds).randomized() : nothingFor(seconds);
    }

    private ScenarioBuilder browse() {
        String name = "browse";
        return scenario(name).exec(newClient())
                .feed(csv(file("categories.csv")).random())
                .feed(csv(file("words.csv")).random())
                .feed(csv(file("products.csv")).random())
                .exec(timed(name, "categories", r -> r.get("/api/categories").check(status().is(200))))
                .exec(timed(name, "category listing", r -> r.get("/api/products").queryParam("category", "#{slug}")
                        .queryParam("size", "24").check(status().is(200))))
                .exec(timed(name, "search", r -> r.get("/api/products/search").queryParam("q", "#{word}")
                        .queryParam("size", "24").check(status().is(200))))
                .exec(timed(name, "product page", r -> r.get("/api/products/#{productId}").check(status().is(200))));
    }

    private ScenarioBuilder purchase() {
        String name = "purchase";
        return scenario(name).exec(newClient())
                .feed(csv(file("buyers.csv")).circular())
                .feed(csv(file("products.csv")).random())
                .exec(login(name, "#{username}"))
                .exec(timed(name, "address book", r -> authorized(r.get("/api/me/addresses"))
                        .check(status().is(200), jmesPath("[0].id").optional().saveAs("addressId"))))
                .doIf(session -> !session.contains("addressId")).then(
                        timed(name, "add address", r -> authorized(r.post("/api/me/addresses")).body(StringBody("""
                                {"label": "Site", "recipientName": "Load Buyer", "phone": "+919845012345",
                                 "line1": "Plot 12, 4th Cross", "city": "Bengaluru", "state": "Karnataka",
                                 "pinCode": "560001"}""")).check(status().is(201), jmesPath("id").saveAs("addressId"))))
                .exec(timed(name, "product page", r -> r.get("/api/products/#{productId}").check(status().is(200))))
                .exec(timed(name, "add to cart", r -> authorized(r.post("/api/cart/items"))
                        .body(StringBody("{\"productId\": #{productId}, \"quantity\": #{quantity}}"))
                        .check(status().is(201))))
                .exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString()))
                .exec(timed(name, "checkout", r -> authorized(r.post("/api/checkout"))
                        .header("Idempotency-Key", "#{idempotencyKey}")
                        .body(StringBody("{\"shippingAddressId\": #{addressId}, \"paymentMethod\": \"upi\"}"))
                        .check(status().is(201), jmesPath("payment.gatewayOrderId").saveAs("gatewayOrderId"))))
                .exec(timed(name, "pay (simulated gateway)", r -> authorized(r
                        .post("/api/payments/simulated/#{gatewayOrderId}/pay"))
                        .body(StringBody("{\"outcome\": \"success\"}"))
                        .check(status().is(200), bodyString().saveAs("checkoutResult"))))
                .exec(timed(name, "verify payment", r -> authorized(r.post("/api/payments/razorpay/verify"))
                        .body(StringBody("#{checkoutResult}"))
                        .check(status().is(200), jmesPath("status").is("PAID"))));
    }

    private ScenarioBuilder account() {
        String name = "account";
        return scenario(name).exec(newClient())
                .randomSwitch().on(
                        percent(33.0).then(exec(session -> {
                            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                            return session.set("newUsername", "load-" + suffix)
                                    .set("newPassword", "Load-" + UUID.randomUUID());
                        }).exec(timed(name, "register", r -> r.post("/api/auth/register").body(StringBody("""
                                {"username": "#{newUsername}", "email": "#{newUsername}@example.com",
                                 "password": "#{newPassword}", "fullName": "Load Test Customer"}"""))
                                .check(status().is(201))))
                                .exec(timed(name, "login", r -> r.post("/api/auth/login").body(StringBody(
                                        "{\"username\": \"#{newUsername}\", \"password\": \"#{newPassword}\"}"))
                                        .check(status().is(200), jmesPath("accessToken").saveAs("token"))))),
                        percent(67.0).then(exec(session -> session)
                                .feed(csv(file("customers.csv")).random())
                                .exec(login(name, "#{username}"))))
                .exec(timed(name, "profile", r -> authorized(r.get("/api/me")).check(status().is(200))));
    }

    private ScenarioBuilder admin() {
        String name = "admin";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return scenario(name).exec(newClient())
                .feed(csv(file("admins.csv")).circular())
                .exec(login(name, "#{username}"))
                .exec(timed(name, "admin paid orders", r -> authorized(r.get("/api/admin/orders"))
                        .queryParam("status", "PAID").queryParam("size", "20").check(status().is(200))))
                .exec(session -> session.set("page", ThreadLocalRandom.current().nextInt(20)))
                .exec(timed(name, "admin orders page", r -> authorized(r.get("/api/admin/orders"))
                        .queryParam("page", "#{page}").queryParam("size", "20").check(status().is(200))))
                .exec(timed(name, "admin dashboard", r -> authorized(r.get("/api/admin/analytics/dashboard"))
                        .queryParam("from", today.minusDays(30).toString()).queryParam("to", today.toString())
                        .check(status().is(200))));
    }

    /** Takes each step's verdict once its requests have answered; stops the run at the first failing step. */
    private ScenarioBuilder judge() {
        return scenario("judge").repeat(STEPS, "step").on(
                exec(session -> session.set("verdictAt",
                        startedAt + WARMUP_SECONDS * 1000L + (session.getInt("step") + 1L) * STEP_SECONDS * 1000
                                + GRACE.toMillis()))
                        .pause(session -> Duration.ofMillis(
                                Math.max(0, session.getLong("verdictAt") - System.currentTimeMillis())))
                        .exec(session -> {
                            RequestLog.Verdict verdict = log.verdict(session.getInt("step"));
                            judged = session.getInt("step") + 1;
                            boolean broken = verdict != null && !verdict.passed();
                            System.out.println("load: step " + (verdict == null ? "(no requests)" : verdict.csv()));
                            return session.set("broken", broken);
                        })
                        .exec(stopLoadGeneratorIf(session -> "step " + (session.getInt("step") + 1)
                                + " broke a target; no higher rate is tried", session -> session.getBoolean("broken"))));
    }

    private ChainBuilder login(String scenario, String username) {
        return timed(scenario, "login", r -> r.post("/api/auth/login")
                .body(StringBody("{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}"))
                .check(status().is(200), jmesPath("accessToken").saveAs("token")));
    }

    private static HttpRequestActionBuilder authorized(HttpRequestActionBuilder request) {
        return request.header("Authorization", "Bearer #{token}");
    }

    /** A visitor of its own: an address in 100.64.0.0/10 as the ingress would forward it. */
    private static ChainBuilder newClient() {
        return exec(session -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return session.set("clientIp", "100." + (64 + random.nextInt(64)) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254)));
        });
    }

    /**
     * The request, with its latency and outcome written to the request log; the visit ends at the
     * first failed request (later steps would only fail for want of what it should have returned).
     */
    private ChainBuilder timed(String scenario, String request, Function<Http, HttpRequestActionBuilder> call) {
        return exec(session -> session.remove("responseTime").markAsSucceeded()
                .set("requestStart", System.currentTimeMillis()))
                .exec(call.apply(http(request)).check(responseTimeInMillis().saveAs("responseTime")))
                .exec(session -> record(scenario, request, session))
                .exitHereIfFailed();
    }

    private Session record(String scenario, String request, Session session) {
        long start = session.getLong("requestStart");
        long latency = session.contains("responseTime") ? session.getInt("responseTime")
                : System.currentTimeMillis() - start;
        log.add(start, scenario, request, latency, !session.isFailed());
        return session;
    }

    private static String file(String name) {
        return DATA.resolve(name).toAbsolutePath().toString();
    }

    private static String setting(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
