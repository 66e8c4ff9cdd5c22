package com.buildnest.payment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Records the payment events the application publishes, on any thread (webhooks arrive on the
 * web server's), while a test runs. It listens on the shared context without becoming a bean of
 * it, so the context stays the one every test shares.
 */
final class PaymentEvents implements ApplicationListener<PayloadApplicationEvent<?>>, AutoCloseable {

    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final ConfigurableApplicationContext context;

    private PaymentEvents(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static PaymentEvents recordIn(ConfigurableApplicationContext context) {
        PaymentEvents events = new PaymentEvents(context);
        context.addApplicationListener(events);
        return events;
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof PaymentCaptured || payload instanceof PaymentFailed
                || payload instanceof PaymentRefunded) {
            published.add(payload);
        }
    }

    List<PaymentCaptured> capturedOf(String orderNumber) {
        return published.stream().filter(PaymentCaptured.class::isInstance).map(PaymentCaptured.class::cast)
                .filter(e -> e.orderNumber().equals(orderNumber)).toList();
    }

    List<PaymentFailed> failedOf(String orderNumber) {
        return published.stream().filter(PaymentFailed.class::isInstance).map(PaymentFailed.class::cast)
                .filter(e -> e.orderNumber().equals(orderNumber)).toList();
    }

    List<PaymentRefunded> refundedOf(String orderNumber) {
        return published.stream().filter(PaymentRefunded.class::isInstance).map(PaymentRefunded.class::cast)
                .filter(e -> e.orderNumber().equals(orderNumber)).toList();
    }

    @Override
    public void close() {
        context.removeApplicationListener(this);
    }
}
