/**
 * Taking money: the payment gateway seam (Razorpay in production, a simulated gateway that
 * behaves and signs like Razorpay in the embedded default). Payment knows nothing of orders: it
 * deals in opaque order numbers, owner account ids and amounts.
 *
 * <p>How the ordering module uses it (see {@code docs/payments.md}):
 * <ol>
 * <li>At checkout, <em>outside</em> its database transaction, call
 * {@link com.buildnest.payment.Payments#start(String, long, com.buildnest.shared.Money)} and put the
 * returned {@link com.buildnest.payment.GatewayCheckout} in the response. It is idempotent per
 * order number; {@link com.buildnest.payment.PaymentGatewayUnavailable} means nothing was created
 * (the web layer answers 502 {@code payment.gateway-unavailable}). For an order number it has just
 * made, ordering calls {@code Payments#startNew} instead: no lookup of an earlier payment, and the
 * order notes its gateway order in the transaction that records the payment.</li>
 * <li>{@code POST /api/payments/razorpay/verify} calls
 * {@link com.buildnest.payment.Payments#confirmCheckout(long, String, String, String)} with the
 * caller's account id and the three browser fields, then answers with its order. A forged
 * signature raises {@link com.buildnest.payment.PaymentSignatureInvalid} (400), another customer's
 * order {@code payment.not-found} (404).</li>
 * <li>Listen with {@code @ApplicationModuleListener} to {@link com.buildnest.payment.PaymentCaptured}
 * (mark the order paid), {@link com.buildnest.payment.PaymentFailed} (the attempt failed or the
 * payment expired; a later capture may still follow) and
 * {@link com.buildnest.payment.PaymentRefunded}. Each is published once per change, whichever of
 * the browser, the webhook ({@code POST /api/webhooks/razorpay}) or the reconciliation job brings
 * the news. The verify endpoint may mark the order paid from {@code confirmCheckout}'s captured
 * result at once; the listener must then be idempotent (a conditional update on the order's
 * status), since the event arrives too, after commit.</li>
 * <li>To refund, call {@link com.buildnest.payment.Payments#refund(String, com.buildnest.shared.Money, String)}
 * with a key that names this refund (the order number plus a cancellation id, say); retries with
 * the same key are harmless.</li>
 * </ol>
 */
@ApplicationModule(displayName = "Payments",
        allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup", "platform :: throttle",
                "platform :: secrets" })
package com.buildnest.payment;

import org.springframework.modulith.ApplicationModule;
