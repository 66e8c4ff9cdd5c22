package com.buildnest.payment;

import java.time.Clock;

import org.springframework.context.ApplicationContext;

/**
 * The payment module as it runs with {@code buildnest.payment.gateway=razorpay}, for tests of other
 * modules' pages: {@link Payments} with the module's own repository and settlement from the shared
 * context, talking to a local fake of Razorpay ({@link RazorpayFake}) with its test credentials. The
 * shared context itself keeps the simulated gateway.
 */
public final class RazorpayMode implements AutoCloseable {

    /** The fake account's public key id, as Razorpay Checkout is opened with it. */
    public static final String KEY_ID = RazorpayFake.KEY_ID;

    private final RazorpayFake razorpay = new RazorpayFake();
    private final Payments payments;

    public RazorpayMode(ApplicationContext context) {
        payments = new Payments(context.getBean(PaymentRepository.class), context.getBean(Settlement.class),
                razorpay.client(), context.getBean(Clock.class));
    }

    public Payments payments() {
        return payments;
    }

    /** Razorpay knows a captured payment of the gateway order for the amount. */
    public void hasCapturedPayment(String paymentId, String gatewayOrderId, long amountPaise) {
        razorpay.hasPayment(paymentId, gatewayOrderId, amountPaise, "captured");
    }

    /** The signature Razorpay Checkout hands the browser, made with the fake account's key secret. */
    public static String checkoutSignature(String gatewayOrderId, String paymentId) {
        return new RazorpaySignatures(RazorpayFake.KEY_SECRET, RazorpayFake.WEBHOOK_SECRET).signCheckout(gatewayOrderId,
                paymentId);
    }

    @Override
    public void close() {
        razorpay.close();
    }
}
