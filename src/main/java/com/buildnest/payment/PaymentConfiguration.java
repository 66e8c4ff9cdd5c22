package com.buildnest.payment;

import java.net.URI;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import tools.jackson.databind.json.JsonMapper;

/** The gateway that {@code buildnest.payment.gateway} selects. */
@Configuration
class PaymentConfiguration {

    static final String WEBHOOK_PATH = "/api/webhooks/razorpay";

    @Bean
    PaymentGateway paymentGateway(PaymentProperties properties, JsonMapper json, Environment environment,
            Clock clock) {
        return switch (properties.gateway()) {
            case RAZORPAY -> new RazorpayClient(properties.razorpay());
            case SIMULATED -> new SimulatedGateway(properties.simulated(), json,
                    () -> webhookTarget(properties.simulated(), environment), clock);
        };
    }

    /** The configured webhook address, or this application's own on its local port once it listens. */
    private static URI webhookTarget(PaymentProperties.Simulated simulated, Environment environment) {
        if (simulated.webhookUrl() != null && !simulated.webhookUrl().isBlank()) {
            return URI.create(simulated.webhookUrl());
        }
        String port = environment.getProperty("local.server.port");
        return port == null ? null : URI.create("http://127.0.0.1:" + port + WEBHOOK_PATH);
    }
}
