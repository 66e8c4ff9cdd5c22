package com.buildnest.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.buildnest.shared.Money;

import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default's gateway: behaves like Razorpay without moving money. It keeps its
 * orders, payments and refunds in memory, makes ids of Razorpay's shape ({@code order_…},
 * {@code pay_…}, {@code rfnd_…}), signs checkout callbacks and webhooks exactly as Razorpay does
 * (with secrets generated at start unless configured), answers fetches and refunds as Razorpay
 * would, and delivers a signed webhook to {@code /api/webhooks/razorpay} after each payment
 * attempt, retrying a few times, so the whole flow works offline. After a restart it has forgotten
 * its orders; the reconciliation then expires their unpaid payments.
 */
final class SimulatedGateway implements PaymentGateway {

    static final String KEY_ID = "rzp_test_simulated";
    private static final Logger log = LoggerFactory.getLogger(SimulatedGateway.class);
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int WEBHOOK_ATTEMPTS = 5;
    private static final long WEBHOOK_DELAY_MILLIS = 100;

    private final SecureRandom random = new SecureRandom();
    private final RazorpaySignatures signatures;
    private final JsonMapper json;
    private final Supplier<URI> webhookTarget;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, Refund> refundsByKey = new LinkedHashMap<>();

    SimulatedGateway(PaymentProperties.Simulated settings, JsonMapper json, Supplier<URI> webhookTarget, Clock clock) {
        this.signatures = new RazorpaySignatures(secretOrGenerated(settings.keySecret()),
                secretOrGenerated(settings.webhookSecret()));
        this.json = json;
        this.webhookTarget = webhookTarget;
        this.clock = clock;
    }

    @Override
    public PaymentProperties.Gateway name() {
        return PaymentProperties.Gateway.SIMULATED;
    }

    @Override
    public String keyId() {
        return KEY_ID;
    }

    @Override
    public RazorpaySignatures signatures() {
        return signatures;
    }

    /** The simulated key id never changes; its two secrets rotate as Razorpay's do. */
    @Override
    public void rotate(String keyId, String keySecret, String webhookSecret, Duration grace, Clock now) {
        signatures.rotate(keySecret, webhookSecret, grace, now);
    }

    @Override
    public Order createOrder(String receipt, Money amount, Map<String, String> notes) {
        Order order = new Order(newId("order_"), amount.paise(), Money.CURRENCY, receipt, "created");
        orders.put(order.id(), order);
        return order;
    }

    @Override
    public Payment payment(String paymentId) {
        Payment payment = paymentId == null ? null : payments.get(paymentId);
        if (payment == null) {
            throw new GatewayRefused("The id provided does not exist");
        }
        return payment;
    }

    @Override
    public List<Payment> paymentsOf(String gatewayOrderId) {
        if (!orders.containsKey(gatewayOrderId)) {
            throw new GatewayRefused("The id provided does not exist");
        }
        return payments.values().stream().filter(p -> p.orderId().equals(gatewayOrderId)).toList();
    }

    @Override
    public synchronized Refund refund(String paymentId, Money amount, String idempotencyKey) {
        Refund earlier = refundsByKey.get(idempotencyKey);
        if (earlier != null) {
            return earlier;
        }
        Payment payment = payment(paymentId);
        if (!"captured".equals(payment.status()) && !"refunded".equals(payment.status())) {
            throw new GatewayRefused("The payment has not been captured");
        }
        long refunded = refundsByKey.values().stream().filter(r -> r.paymentId().equals(paymentId))
                .mapToLong(Refund::amount).sum();
        if (refunded + amount.paise() > payment.amount()) {
            throw new GatewayRefused("The total refund amount is greater than the refund payment amount");
        }
        Refund refund = new Refund(newId("rfnd_"), paymentId, amount.paise(), Money.CURRENCY, "processed");
        refundsByKey.put(idempotencyKey, refund);
        if (refunded + amount.paise() == payment.amount()) {
            payments.put(paymentId, new Payment(paymentId, payment.orderId(), payment.amount(), payment.currency(),
                    "refunded", null));
        }
        return refund;
    }

    /** The customer pays (or fails to pay) a gateway order in the simulated checkout. */
    Payment attempt(String gatewayOrderId, boolean success) {
        Order order = orders.get(gatewayOrderId);
        if (order == null) {
            throw new GatewayRefused("The id provided does not exist");
        }
        Payment payment = new Payment(newId("pay_"), order.id(), order.amount(), order.currency(),
                success ? "captured" : "failed",
                success ? null : "Payment failed: the bank declined the payment (simulated).");
        payments.put(payment.id(), payment);
        return payment;
    }

    /**
     * Posts the webhook Razorpay would send about a payment attempt, signed with the webhook secret,
     * shortly after the call returns; retried with growing pauses until it is answered with 2xx.
     */
    void deliverWebhook(Payment attempt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("entity", "event");
        event.put("account_id", "acc_simulated");
        event.put("event", attempt.succeeded() ? "payment.captured" : "payment.failed");
        event.put("contains", List.of("payment"));
        event.put("payload", Map.of("payment", Map.of("entity", attempt)));
        event.put("created_at", clock.instant().getEpochSecond());
        byte[] body = json.writeValueAsBytes(event);
        URI target = webhookTarget.get();
        if (target == null) {
            log.warn("No address to deliver the simulated webhook for {} to: the web server is not running", attempt.id());
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Razorpay-Signature", signatures.signWebhook(body))
                .header("X-Razorpay-Event-Id", newId("evt_"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        send(request, 1);
    }

    private void send(HttpRequest request, int attempt) {
        CompletableFuture.delayedExecutor(WEBHOOK_DELAY_MILLIS * (1L << (attempt - 1)), TimeUnit.MILLISECONDS)
                .execute(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            if (failure == null && response.statusCode() / 100 == 2) {
                                return;
                            }
                            String why = failure != null ? failure.toString() : "status " + response.statusCode();
                            if (attempt < WEBHOOK_ATTEMPTS) {
                                send(request, attempt + 1);
                            } else {
                                log.warn("Gave up delivering a simulated webhook to {} after {} attempts: {}",
                                        request.uri(), attempt, why);
                            }
                        }));
    }

    private String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 14; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private String secretOrGenerated(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
