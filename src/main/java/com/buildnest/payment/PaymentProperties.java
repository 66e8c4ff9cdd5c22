package com.buildnest.payment;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which payment gateway takes the money, Razorpay's credentials, the simulated gateway and the
 * reconciliation of payments whose browser callback never came.
 *
 * @param gateway {@code simulated} (the embedded default: behaves and signs like Razorpay, takes no
 *        money) or {@code razorpay}
 * @param razorpay credentials, mode and HTTP settings of the Razorpay account
 * @param simulated the simulated gateway's secrets and webhook target
 * @param reconciliation when unsettled payments are asked about at the gateway
 */
@Validated
@ConfigurationProperties("buildnest.payment")
public record PaymentProperties(@NotNull @DefaultValue("simulated") Gateway gateway,
        @Valid @NotNull @DefaultValue Razorpay razorpay,
        @Valid @NotNull @DefaultValue Simulated simulated,
        @Valid @NotNull @DefaultValue Reconciliation reconciliation) {

    public enum Gateway {
        SIMULATED, RAZORPAY
    }

    /**
     * @param keyId the API key id, {@code rzp_test_…} or {@code rzp_live_…}
     * @param keySecret the API key secret (signs checkout callbacks)
     * @param webhookSecret the secret Razorpay signs webhooks with
     * @param live whether real money moves; a live account refuses test keys
     * @param baseUrl Razorpay's API root; tests point it at a local fake
     * @param connectTimeout how long a connection to Razorpay may take
     * @param readTimeout how long Razorpay may take to answer
     * @param fetchAttempts attempts of a read (fetch payment, list payments) that timed out or got a 5xx
     */
    public record Razorpay(String keyId, String keySecret, String webhookSecret,
            @DefaultValue("false") boolean live,
            @NotNull @DefaultValue("https://api.razorpay.com") String baseUrl,
            @NotNull @DefaultValue("3s") Duration connectTimeout,
            @NotNull @DefaultValue("10s") Duration readTimeout,
            @Min(1) @Max(5) @DefaultValue("3") int fetchAttempts) {

        @Override
        public String toString() {
            return "Razorpay[keyId=" + keyId + ", live=" + live + ", baseUrl=" + baseUrl + "]"; // never the secrets
        }
    }

    /**
     * @param keySecret signs the simulated checkout callbacks; generated at start when empty
     * @param webhookSecret signs the simulated webhooks; generated at start when empty
     * @param webhookUrl where simulated webhooks are posted; empty for this application's own
     *        {@code /api/webhooks/razorpay} on its local port
     * @param allowedInProd lets the {@code prod} profile start with the simulated gateway (load tests,
     *        staging drills); never together with {@code razorpay.live}
     */
    public record Simulated(String keySecret, String webhookSecret, String webhookUrl,
            @DefaultValue("false") boolean allowedInProd) {

        @Override
        public String toString() {
            return "Simulated[webhookUrl=" + webhookUrl + ", allowedInProd=" + allowedInProd + "]";
        }
    }

    /**
     * @param after a payment still unsettled this long after it started is asked about at the gateway
     * @param expireAfter a payment with no successful attempt this long after it started is failed
     * @param every how often the reconciliation runs
     * @param batchSize at most this many payments per run
     */
    public record Reconciliation(@NotNull @DefaultValue("15m") Duration after,
            @NotNull @DefaultValue("1h") Duration expireAfter,
            @NotNull @DefaultValue("5m") Duration every,
            @Min(1) @Max(1000) @DefaultValue("50") int batchSize) {
    }
}
