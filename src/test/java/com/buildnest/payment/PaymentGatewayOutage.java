package com.buildnest.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.time.Duration;

import org.springframework.context.ApplicationContext;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The payment gateway down, for tests of the pages and endpoints that meet it: until {@link #close},
 * the shared context's {@link Payments} talks to a local fake of Razorpay ({@link RazorpayFake}) that
 * answers every call with a server error, once and without retries, as a gateway in an outage does;
 * then it goes back to its own gateway. Everything else (the module's tables, its settlement, the
 * callers' transactions) is the real thing. One test at a time: the shared context is shared.
 */
public final class PaymentGatewayOutage implements AutoCloseable {

    private static final String GATEWAY_FIELD = "gateway";

    private final RazorpayFake razorpay = new RazorpayFake();
    private final Payments payments;
    private final PaymentGateway running;

    public PaymentGatewayOutage(ApplicationContext context) {
        payments = AopTestUtils.getUltimateTargetObject(context.getBean(Payments.class));
        running = (PaymentGateway) ReflectionTestUtils.getField(payments, GATEWAY_FIELD);
        razorpay.server.stubFor(any(anyUrl()).willReturn(RazorpayFake.serverError()));
        ReflectionTestUtils.setField(payments, GATEWAY_FIELD,
                new RazorpayClient(razorpay.settings(Duration.ofSeconds(2), 1)));
    }

    @Override
    public void close() {
        ReflectionTestUtils.setField(payments, GATEWAY_FIELD, running);
        razorpay.close();
    }
}
