package com.buildnest.faults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steady traffic of {@code ops/faults/run.sh}, kept up while the script restarts MariaDB, stops
 * Redis and kills the application: each buyer, on a thread of its own, browses (listing, search,
 * product page), signs in again now and then, and buys (add to cart, checkout with an
 * {@code Idempotency-Key}, pay at the simulated gateway, verify), whatever the shop answers. Nothing
 * is judged here: every response goes to {@code responses.tsv} (time, step, status, problem code,
 * whether a 5xx came as an RFC 9457 problem) and every order the shop acknowledged goes to
 * {@code acknowledged.tsv} (time, order number, PENDING_PAYMENT after a 201 checkout, PAID after a 200
 * verify), for the script to check against the database afterwards. A request that could not reach
 * the shop is status 0. Runs until the stop file appears.
 *
 * <p>Not a test: {@code java -cp ... com.buildnest.faults.FaultLoad BASE_URL USERNAMES_FILE PASSWORD
 * BUYERS OUT_DIR STOP_FILE}.
 */
public final class FaultLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String password;
    private final Path stopFile;
    private final BufferedWriter responses;
    private final BufferedWriter acknowledged;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile List<Offer> products = List.of();

    /** A product in stock and the quantity it is bought in (its minimum order). */
    private record Offer(long id, long quantity) {
    }

    private FaultLoad(URI base, String password, Path out, Path stopFile) throws IOException {
        this.base = base;
        this.password = password;
        this.stopFile = stopFile;
        this.responses = Files.newBufferedWriter(out.resolve("responses.tsv"));
        this.acknowledged = Files.newBufferedWriter(out.resolve("acknowledged.tsv"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: FaultLoad BASE_URL USERNAMES_FILE PASSWORD BUYERS OUT_DIR STOP_FILE");
            System.exit(2);
        }
        List<String> usernames = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).toList();
        FaultLoad load = new FaultLoad(URI.create(args[0]), args[2], Path.of(args[4]), Path.of(args[5]));
        load.run(usernames.subList(0, Integer.parseInt(args[3])));
    }

    private void run(List<String> usernames) throws Exception {
        products = inStock();
        CountDownLatch done = new CountDownLatch(usernames.size());
        for (String username : usernames) {
            Buyer buyer = new Buyer(username);
            buyer.signIn();
            buyer.addressId = call(buyer, "address", "POST", "/api/me/addresses", """
                    {"label": "Fault drill site", "recipientName": "Drill Buyer", "phone": "+919845012345",
                     "line1": "Plot 12, 4th Cross", "city": "Bengaluru", "state": "Karnataka", "pinCode": "560001"}""",
                    null).get("id").asLong();
            Thread thread = new Thread(() -> {
                try {
                    while (!Files.exists(stopFile)) {
                        buyer.act();
                    }
                } finally {
                    done.countDown();
                }
            }, "buyer-" + username);
            thread.start();
        }
        System.err.printf("%d buyers at work on %d products%n", usernames.size(), products.size());
        done.await();
        synchronized (this) {
            responses.close();
            acknowledged.close();
        }
    }

    private final class Buyer {
        final String username;
        String token;
        long addressId;

        Buyer(String username) {
            this.username = username;
        }

        void signIn() {
            JsonNode session = call(this, "login", "POST", "/api/auth/login",
                    "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password), null);
            if (session != null) {
                token = session.get("accessToken").asString();
            }
        }

        void act() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            double dice = random.nextDouble();
            Offer product = products.get(random.nextInt(products.size()));
            if (dice < 0.25) {
                call(this, "browse", "GET", "/api/products?sort=newest&size=20&page=" + random.nextInt(3), null, null);
            } else if (dice < 0.4) {
                call(this, "search", "GET", "/api/products/search?query=cement&size=10", null, null);
            } else if (dice < 0.6) {
                call(this, "product", "GET", "/api/products/" + product.id(), null, null);
            } else if (dice < 0.65) {
                signIn();
            } else {
                buy(product);
            }
        }

        /** One purchase; a refused step abandons it (an unpaid order is left to expire) and empties the cart. */
        void buy(Offer product) {
            if (call(this, "cart", "POST", "/api/cart/items",
                    "{\"productId\": %d, \"quantity\": %d}".formatted(product.id(), product.quantity()), null) == null) {
                emptyCart();
                return;
            }
            JsonNode order = call(this, "checkout", "POST", "/api/checkout",
                    "{\"shippingAddressId\": %d, \"paymentMethod\": \"upi\"}".formatted(addressId),
                    UUID.randomUUID().toString());
            if (order == null) {
                emptyCart();
                return;
            }
            String orderNumber = order.get("orderNumber").asString();
            acknowledge(orderNumber, "PENDING_PAYMENT");
            JsonNode browser = call(this, "pay", "POST", "/api/payments/simulated/"
                    + order.get("payment").get("gatewayOrderId").asString() + "/pay", "{\"outcome\": \"success\"}",
                    null);
            if (browser == null) {
                return;
            }
            JsonNode paid = call(this, "verify", "POST", "/api/payments/razorpay/verify", browser.toString(), null);
            if (paid != null && "PAID".equals(paid.path("status").asString())) {
                acknowledge(orderNumber, "PAID");
            }
        }

        void emptyCart() {
            JsonNode cart = call(this, "cart-view", "GET", "/api/cart", null, null);
            if (cart != null) {
                for (JsonNode item : cart.path("items")) {
                    call(this, "cart-remove", "DELETE", "/api/cart/items/" + item.get("id").asLong(), null, null);
                }
            }
        }
    }

    /** One call, recorded; answers the JSON body of a 2xx answer, or null. */
    private JsonNode call(Buyer buyer, String step, String method, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (buyer.token != null && !step.equals("login")) {
            request.header("Authorization", "Bearer " + buyer.token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException unreachable) {
            record(step, 0, unreachable.getClass().getSimpleName(), true);
            pause();
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
        int status = response.statusCode();
        boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        String code = "-";
        if (status >= 400) {
            try {
                code = JSON.readTree(response.body()).path("code").asString("-");
            } catch (RuntimeException unreadable) {
                code = "unreadable";
            }
        }
        record(step, status, code, status < 500 || problem);
        if (status / 100 != 2) {
            if (status >= 500) {
                pause();
            }
            return null;
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private synchronized void record(String step, int status, String code, boolean wellFormed) {
        try {
            responses.write(System.currentTimeMillis() + "\t" + step + "\t" + status + "\t" + code + "\t"
                    + (wellFormed ? "problem" : "NOT-A-PROBLEM") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void acknowledge(String orderNumber, String status) {
        try {
            acknowledged.write(System.currentTimeMillis() + "\t" + orderNumber + "\t" + status + "\n");
            acknowledged.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** While the shop is down, a buyer retries every 200 ms rather than spinning. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Offer> inStock() throws IOException, InterruptedException {
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(base.resolve(
                "/api/products?inStock=true&sort=newest&size=100")).build(), BodyHandlers.ofString());
        List<Offer> offers = new ArrayList<>();
        for (JsonNode product : JSON.readTree(found.body()).get("content")) {
            long quantity = product.get("minimumOrderQuantity").asLong();
            if (product.get("stock").get("available").asLong() >= 100 * quantity) {
                offers.add(new Offer(product.get("id").asLong(), quantity));
            }
        }
        if (offers.isEmpty()) {
            throw new IllegalStateException("no product has stock for 100 purchases");
        }
        return offers;
    }
}
