package com.buildnest.payment;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.buildnest.shared.Money;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Razorpay's REST API on Spring's {@code RestClient}, with a configurable base URL (the official
 * SDK hard-codes its host), Basic authentication with the key id and secret, and connect and
 * read timeouts. Reads and refunds (made idempotent by {@code X-Refund-Idempotency}) are retried a
 * few times after a timeout or a 5xx; creating an order is not, because a retry could create a
 * second one. Secrets never reach a log line or an exception message.
 */
final class RazorpayClient implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(RazorpayClient.class);
    private static final long BACKOFF_MILLIS = 200;

    private final RestClient http;
    /** Replaced whole at a rotation, so that a call never pairs one key's id with another's secret. */
    private record ApiKey(String id, String secret) {
        @Override
        public String toString() {
            return "ApiKey[" + id + "]";
        }
    }

    private volatile ApiKey apiKey;
    private final RazorpaySignatures signatures;
    private final int attempts;

    RazorpayClient(PaymentProperties.Razorpay settings) {
        if (blank(settings.keyId()) || blank(settings.keySecret()) || blank(settings.webhookSecret())) {
            throw new IllegalStateException("buildnest.payment.gateway is razorpay but buildnest.payment.razorpay."
                    + "key-id, key-secret or webhook-secret is not set");
        }
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade that some proxies and fakes reject.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().baseUrl(settings.baseUrl()).requestFactory(requests)
                // The credentials of the moment: a rotation applies to the next call.
                .requestInterceptor((request, body, execution) -> {
                    ApiKey key = apiKey;
                    request.getHeaders().setBasicAuth(key.id(), key.secret());
                    return execution.execute(request, body);
                })
                .build();
        this.apiKey = new ApiKey(settings.keyId(), settings.keySecret());
        this.signatures = new RazorpaySignatures(settings.keySecret(), settings.webhookSecret());
        this.attempts = settings.fetchAttempts();
    }

    @Override
    public PaymentProperties.Gateway name() {
        return PaymentProperties.Gateway.RAZORPAY;
    }

    @Override
    public String keyId() {
        return apiKey.id();
    }

    @Override
    public RazorpaySignatures signatures() {
        return signatures;
    }

    @Override
    public synchronized void rotate(String newKeyId, String newKeySecret, String newWebhookSecret, Duration grace,
            Clock clock) {
        signatures.rotate(newKeySecret, newWebhookSecret, grace, clock);
        apiKey = new ApiKey(newKeyId != null ? newKeyId : apiKey.id(), newKeySecret);
    }

    @Override
    public Order createOrder(String receipt, Money amount, Map<String, String> notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount.paise());
        body.put("currency", Money.CURRENCY);
        body.put("receipt", receipt);
        body.put("notes", notes);
        return call("create order", 1, () -> http.post().uri("/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Order.class));
    }

    @Override
    public Payment payment(String paymentId) {
        return call("fetch payment", attempts,
                () -> http.get().uri("/v1/payments/{id}", paymentId).retrieve().body(Payment.class));
    }

    @Override
    public List<Payment> paymentsOf(String gatewayOrderId) {
        Collection<Payment> page = call("list payments of order", attempts, () -> http.get()
                .uri("/v1/orders/{id}/payments", gatewayOrderId).retrieve()
                .body(new ParameterizedTypeReference<Collection<Payment>>() {
                }));
        return page == null || page.items() == null ? List.of() : page.items();
    }

    @Override
    public Refund refund(String paymentId, Money amount, String idempotencyKey) {
        return call("refund", attempts, () -> http.post().uri("/v1/payments/{id}/refund", paymentId)
                .header("X-Refund-Idempotency", idempotencyKey).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("amount", amount.paise())).retrieve().body(Refund.class));
    }

    private <T> T call(String what, int maxAttempts, Supplier<T> request) {
        for (int attempt = 1;; attempt++) {
            try {
                return Objects.requireNonNull(request.get(), "Razorpay answered " + what + " with no body");
            } catch (HttpStatusCodeException answered) {
                HttpStatusCode status = answered.getStatusCode();
                if (status.is4xxClientError() && !retryable(status)) {
                    if (status.value() == 401 || status.value() == 403) {
                        log.error("Razorpay refused our credentials for {} ({}): check the key id and secret", what,
                                status.value());
                        throw new PaymentGatewayUnavailable("The payment gateway refused our credentials.", null);
                    }
                    throw new GatewayRefused(describe(answered));
                }
                if (attempt >= maxAttempts) {
                    log.warn("Razorpay answered {} with {} after {} attempt(s)", what, status.value(), attempt);
                    throw new PaymentGatewayUnavailable("The payment gateway answered with an error.", null);
                }
            } catch (ResourceAccessException unreachable) {
                if (attempt >= maxAttempts) {
                    log.warn("Razorpay did not answer {} after {} attempt(s): {}", what, attempt,
                            unreachable.getMessage());
                    throw new PaymentGatewayUnavailable("The payment gateway did not answer in time.", null);
                }
            }
            pause(attempt);
        }
    }

    private static boolean retryable(HttpStatusCode status) {
        return status.value() == 429 || status.value() == 408;
    }

    /** Razorpay's own description of a refusal: {@code {"error": {"code", "description"}}}. */
    private static String describe(HttpStatusCodeException refused) {
        try {
            ErrorBody body = refused.getResponseBodyAs(ErrorBody.class);
            if (body != null && body.error() != null && body.error().description() != null) {
                return body.error().description();
            }
        } catch (RuntimeException unreadable) {
            // not Razorpay's error shape: fall through to the status
        }
        return "Razorpay refused the request (" + refused.getStatusCode().value() + ")";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(Error error) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Error(String code, String description) {
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(BACKOFF_MILLIS * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayUnavailable("Interrupted while waiting to retry the payment gateway.", interrupted);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
