package com.buildnest.ordering;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The purchase load of {@code ops/bench/purchase.sh}: N buyers, each on a thread of its own, buy
 * over the public API as fast as the shop lets them — add a product to the cart, check out with an
 * {@code Idempotency-Key}, pay at the simulated gateway, verify the payment — and count complete
 * purchases (an order the verify call answers PAID). A warm-up, then a measured period; prints the
 * purchases per second, latency percentiles of a whole purchase and of each step, every failure by
 * step and status, and one machine-readable {@code RESULT} line. Progress every 5 seconds on stderr.
 *
 * <p>Not a test (no test runs it); run it against a running BuildNest with the simulated gateway and
 * customer accounts made by the data generator (signing up is throttled per address, as it should be):
 * {@code java -cp ... com.buildnest.ordering.PurchaseLoad BASE_URL BUYERS WARMUP_S MEASURED_S USERNAMES_FILE PASSWORD [APP_PID]}.
 * Given the application's process id (on Linux, same machine), it also reads the application's CPU time
 * from {@code /proc/PID/stat} at the start and end of the measured period and reports the CPU
 * milliseconds per complete purchase: a figure that, unlike purchases a second, barely moves when
 * other work shares the machine. It also reports the machine's CPU budget per purchase: what MariaDB,
 * Redis, this driver and the whole machine spent over the same period ({@link CpuBudget}), which says
 * how many purchases a second the cores could give at best whatever the application did.
 */
public final class PurchaseLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STEPS = List.of("cart", "checkout", "pay", "verify", "purchase");

    private final URI base;
    private static final int TIMEOUT_MILLIS = (int) Duration.ofSeconds(30).toMillis();
    private final ConcurrentMap<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, Latencies> latencies = new TreeMap<>();
    /** Every complete purchase since the start, warm-up included; the measured ones are a difference of two reads. */
    private final LongAdder completed = new LongAdder();
    private volatile boolean measuring;
    private volatile boolean running = true;

    /** The application's {@code /proc/PID/stat}, or null when its CPU time is not measured. */
    private final Path appStat;

    private PurchaseLoad(URI base, Path appStat) {
        this.base = base;
        this.appStat = appStat;
        STEPS.forEach(step -> latencies.put(step, new Latencies()));
    }

    public static void main(String[] args) throws Exception {
        // one kept-alive connection per buyer (the default keeps 5 per host and reconnects the rest)
        System.setProperty("http.maxConnections", "256");
        if (args.length != 6 && args.length != 7) {
            System.err.println("usage: PurchaseLoad BASE_URL BUYERS WARMUP_SECONDS MEASURED_SECONDS USERNAMES_FILE PASSWORD [APP_PID]");
            System.exit(2);
        }
        List<String> usernames = Files.readAllLines(Path.of(args[4])).stream().filter(line -> !line.isBlank()).toList();
        new PurchaseLoad(URI.create(args[0]), args.length == 7 ? Path.of("/proc", args[6], "stat") : null).run(usernames.subList(0, Integer.parseInt(args[1])), args[5],
                Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    private void run(List<String> usernames, String password, int warmupSeconds, int measuredSeconds)
            throws Exception {
        int buyers = usernames.size();
        List<Offer> offers = offers();
        System.err.printf("%d products in stock to buy; signing in %d buyers%n", offers.size(), buyers);
        List<Buyer> signedUp = new ArrayList<>();
        for (String username : usernames) {
            signedUp.add(signIn(username, password));
        }
        CountDownLatch done = new CountDownLatch(buyers);
        for (Buyer buyer : signedUp) {
            new Thread(() -> {
                try {
                    while (running) {
                        purchase(buyer, offers.get(ThreadLocalRandom.current().nextInt(offers.size())));
                    }
                } finally {
                    done.countDown();
                }
            }, "buyer-" + buyer.username).start();
        }
        report("warm-up", warmupSeconds);
        reset();
        measuring = true;
        long completedBefore = completed.sum();
        long started = System.nanoTime();
        CpuBudget budget = CpuBudget.start(appStat);
        report("measured", measuredSeconds);
        double seconds = (System.nanoTime() - started) / 1e9;
        measuring = false;
        long complete = completed.sum() - completedBefore;
        budget.stop();
        long cpuMillis = budget.applicationMillis();
        running = false;
        done.await();

        System.out.printf("buyers=%d measured=%.1fs complete purchases=%d (%.1f/s)%n", buyers, seconds, complete,
                complete / seconds);
        for (String step : STEPS) {
            Latencies l = latencies.get(step);
            System.out.printf("  %-9s n=%-7d p50=%6.1f ms  p90=%6.1f ms  p99=%6.1f ms  max=%6.1f ms%n", step, l.count(),
                    l.percentile(50), l.percentile(90), l.percentile(99), l.percentile(100));
        }
        long failed = failures.values().stream().mapToLong(LongAdder::sum).sum();
        failures.forEach((what, count) -> System.out.printf("  failed: %s x%d%n", what, count.sum()));
        double cpuPerPurchase = appStat == null || complete == 0 ? 0 : (double) cpuMillis / complete;
        if (appStat != null) {
            System.out.printf("application CPU in the measured period: %.1f s (%.2f cores), %.1f ms per complete purchase%n",
                    cpuMillis / 1e3, cpuMillis / 1e3 / seconds, cpuPerPurchase);
        }
        budget.print(complete, seconds);
        Latencies purchase = latencies.get("purchase");
        System.out.printf("RESULT buyers=%d purchases=%d per_second=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f failed=%d"
                + " cpu_ms_per_purchase=%.1f%n", buyers, complete, complete / seconds, purchase.percentile(50),
                purchase.percentile(90), purchase.percentile(99), failed, cpuPerPurchase);
    }

    /** One purchase: cart, checkout, pay, verify; a refused step is counted and the purchase abandoned. */
    private void purchase(Buyer buyer, Offer offer) {
        long start = System.nanoTime();
        try {
            if (call("cart", "POST", "/api/cart/items", buyer,
                    "{\"productId\": %d, \"quantity\": %d}".formatted(offer.id, offer.quantity), null, 201) == null) {
                return;
            }
            JsonNode order = call("checkout", "POST", "/api/checkout", buyer,
                    "{\"shippingAddressId\": %d, \"paymentMethod\": \"upi\"}".formatted(buyer.addressId),
                    UUID.randomUUID().toString(), 201);
            if (order == null) {
                clearCart(buyer);
                return;
            }
            JsonNode browser = call("pay", "POST", "/api/payments/simulated/"
                    + order.get("payment").get("gatewayOrderId").asString() + "/pay", buyer,
                    "{\"outcome\": \"success\"}", null, 200);
            if (browser == null) {
                return;
            }
            JsonNode paid = call("verify", "POST", "/api/payments/razorpay/verify", buyer, browser.toString(), null,
                    200);
            if (paid == null) {
                return;
            }
            if (!"PAID".equals(paid.get("status").asString())) {
                fail("verify", "answered " + paid.get("status").asString());
                return;
            }
            completed.increment();
            if (measuring) {
                latencies.get("purchase").add(System.nanoTime() - start);
            }
        } catch (IOException | RuntimeException e) {
            fail("purchase", e.getClass().getSimpleName());
        }
    }

    private JsonNode call(String step, String method, String path, Buyer buyer, String body, String idempotencyKey,
            int expected) throws IOException {
        long start = System.nanoTime();
        Answer answer = exchange(method, path, buyer.token, body, idempotencyKey);
        if (measuring) {
            latencies.get(step).add(System.nanoTime() - start);
        }
        if (answer.status != expected) {
            String code = answer.body.replaceAll("(?s).*\"code\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            fail(step, answer.status + (code.length() < 80 ? " " + code : ""));
            return null;
        }
        return answer.body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body);
    }

    /**
     * One request, plain blocking HTTP/1.1 on the calling buyer's kept-alive connection (it goes back
     * to the JDK's keep-alive cache once the body is read). The driver shares the application's two
     * cores, and the JDK's asynchronous client handed every call between threads (a selector, a
     * pool), which cost the machine about 3 ms per purchase.
     */
    private Answer exchange(String method, String path, String token, String body, String idempotencyKey)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestMethod(method);
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            connection.setRequestProperty("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new Answer(status, "");
        }
        try (in) {
            return new Answer(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void clearCart(Buyer buyer) throws IOException {
        JsonNode cart = call("cart", "GET", "/api/cart", buyer, null, null, 200);
        if (cart != null) {
            for (JsonNode item : cart.get("items")) {
                call("cart", "DELETE", "/api/cart/items/" + item.get("id").asLong(), buyer, null, null, 204);
            }
        }
    }

    private void fail(String step, String why) {
        if (measuring) {
            failures.computeIfAbsent(step + " " + why, key -> new LongAdder()).increment();
        }
    }

    private void reset() {
        failures.clear();
        latencies.values().forEach(Latencies::clear);
    }

    /** Progress every 5 s: purchases so far in the phase and the rate of the last 5 s (the JIT's warm-up shows in it). */
    private void report(String phase, int seconds) throws InterruptedException {
        long before = completed.sum();
        long last = before;
        for (int at = 5; at <= seconds; at += 5) {
            Thread.sleep(5_000);
            long now = completed.sum();
            System.err.printf("%s: %d s of %d, %d complete purchases (%.1f/s in the last 5 s)%n", phase, at, seconds,
                    now - before, (now - last) / 5.0);
            last = now;
        }
        Thread.sleep((seconds % 5) * 1_000L);
    }

    /** Products in stock, each bought at its minimum order quantity. */
    private List<Offer> offers() throws IOException {
        List<Offer> offers = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            JsonNode found = get("/api/products?inStock=true&sort=newest&size=100&page=" + page);
            for (JsonNode product : found.get("content")) {
                long available = product.get("stock").get("available").asLong();
                long quantity = product.get("minimumOrderQuantity").asLong();
                if (available >= 50 * quantity) {
                    offers.add(new Offer(product.get("id").asLong(), quantity));
                }
            }
        }
        if (offers.isEmpty()) {
            throw new IllegalStateException("no product has stock for 50 purchases");
        }
        return offers;
    }

    private Buyer signIn(String username, String password) throws IOException {
        String token = post("/api/auth/login", null, "{\"username\": \"%s\", \"password\": \"%s\"}"
                .formatted(username, password), 200).get("accessToken").asString();
        long addressId = post("/api/me/addresses", token, """
                {"label": "Load test site", "recipientName": "Load Buyer", "phone": "+919845012345",
                 "line1": "Plot 12, 4th Cross", "city": "Bengaluru", "state": "Karnataka", "pinCode": "560001"}""",
                201).get("id").asLong();
        return new Buyer(username, token, addressId);
    }

    private JsonNode get(String path) throws IOException {
        return send("GET", path, null, null, 200);
    }

    private JsonNode post(String path, String token, String body, int expected) throws IOException {
        return send("POST", path, token, body, expected);
    }

    private JsonNode send(String method, String path, String token, String body, int expected) throws IOException {
        Answer answer = exchange(method, path, token, body, null);
        if (answer.status != expected) {
            throw new IllegalStateException(answer.status + " from " + method + " " + path + ": " + answer.body);
        }
        return JSON.readTree(answer.body);
    }

    private record Answer(int status, String body) {
    }

    private record Buyer(String username, String token, long addressId) {
    }

    private record Offer(long id, long quantity) {
    }

    /** Latencies in nanoseconds, kept whole: a measured run holds at most a few hundred thousand. */
    private static final class Latencies {
        private final List<Long> samples = new ArrayList<>();

        synchronized void add(long nanos) {
            samples.add(nanos);
        }

        synchronized void clear() {
            samples.clear();
        }

        synchronized int count() {
            return samples.size();
        }

        synchronized double percentile(int p) {
            if (samples.isEmpty()) {
                return 0;
            }
            long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }
}
