package com.buildnest.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which payment gateway takes the money, and Razorpay's credentials.
 *
 * @param gateway {@code simulated} (the embedded default: behaves and signs like Razorpay, takes no
 *        money) or {@code razorpay}
 * @param razorpay credentials and mode of the Razorpay account
 */
@Validated
@ConfigurationProperties("buildnest.payment")
public record PaymentProperties(@NotNull @DefaultValue("simulated") Gateway gateway,
        @Valid @NotNull @DefaultValue Razorpay razorpay) {

    public enum Gateway {
        SIMULATED, RAZORPAY
    }

    /**
     * @param keyId the API key id, {@code rzp_test_…} or {@code rzp_live_…}
     * @param keySecret the API key secret (signs checkout callbacks)
     * @param webhookSecret the secret Razorpay signs webhooks with
     * @param live whether real money moves; a live account refuses test keys
     * @param baseUrl Razorpay's API root; tests point it at a local fake
     */
    public record Razorpay(String keyId, String keySecret, String webhookSecret,
            @DefaultValue("false") boolean live,
            @NotNull @DefaultValue("https://api.razorpay.com") String baseUrl) {
    }
}
