package com.buildnest.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.buildnest.payment.Settlement.Outcome;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Settles payments whose browser callback and webhook never came, on one replica at a time
 * (ShedLock): a payment still CREATED after {@code reconciliation.after} is asked about at the
 * gateway; a successful attempt captures it, and with none by {@code reconciliation.expire-after}
 * it fails. A payment that failed within the last {@code expire-after} is asked about too, since the
 * customer may have paid on a second attempt whose callbacks were lost. Refunds whose gateway call never got an answer are asked for again with their own
 * idempotency key. Bounded batches; safe to run twice, since every change is conditional. Counted
 * in {@code buildnest.payment.reconciliations} by outcome.
 */
@Component
class PaymentReconciliation {

    static final String LOCK = "payment.reconcile";
    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final Payments api;
    private final Settlement settlement;
    private final PaymentGateway gateway;
    private final PaymentProperties.Reconciliation settings;
    private final MeterRegistry meters;
    private final Clock clock;

    PaymentReconciliation(PaymentRepository payments, RefundRepository refunds, Payments api, Settlement settlement,
            PaymentGateway gateway, PaymentProperties properties, MeterRegistry meters, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.api = api;
        this.settlement = settlement;
        this.gateway = gateway;
        this.settings = properties.reconciliation();
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buildnest.payment.reconciliation.every:5m}",
            initialDelayString = "${buildnest.payment.reconciliation.every:5m}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "10m")
    public void reconcile() {
        Instant now = clock.instant();
        PageRequest batch = PageRequest.of(0, settings.batchSize());
        for (Payment payment : payments.findUnsettled(now.minus(settings.after()), now.minus(settings.expireAfter()),
                batch)) {
            count(settle(payment, now));
        }
        for (Refund refund : refunds.findUnanswered(now.minus(settings.after()), batch)) {
            count(retry(refund));
        }
    }

    private String settle(Payment payment, Instant now) {
        List<PaymentGateway.Payment> attempts;
        try {
            attempts = gateway.paymentsOf(payment.gatewayOrderId());
        } catch (GatewayRefused unknown) {
            attempts = List.of(); // the gateway does not know the order (the simulated one after a restart)
        } catch (PaymentGatewayUnavailable unavailable) {
            log.warn("Could not reconcile the payment of order {}: {}", payment.orderNumber(), unavailable.getMessage());
            return "gateway-unavailable";
        }
        Optional<PaymentGateway.Payment> success = attempts.stream().filter(PaymentGateway.Payment::succeeded)
                .findFirst();
        if (success.isPresent()) {
            Outcome outcome = settlement.captured(success.get());
            return outcome == Outcome.SETTLED ? "captured" : outcome.label();
        }
        if (payment.status() == PaymentStatus.FAILED || payment.createdAt().isAfter(now.minus(settings.expireAfter()))) {
            return "pending";
        }
        String reason = attempts.isEmpty() ? "expired: no payment within " + settings.expireAfter().toMinutes()
                + " minutes" : attempts.get(attempts.size() - 1).failureReason();
        Outcome outcome = settlement.expired(payment.id(), reason);
        return outcome == Outcome.SETTLED ? "failed" : outcome.label();
    }

    private String retry(Refund refund) {
        try {
            return api.complete(refund).status().name().toLowerCase(java.util.Locale.ROOT);
        } catch (RuntimeException failed) {
            log.warn("Could not complete refund {} of payment {}: {}", refund.id(), refund.paymentId(),
                    failed.getMessage());
            return "refund-unanswered";
        }
    }

    private void count(String outcome) {
        meters.counter("buildnest.payment.reconciliations", "outcome", outcome).increment();
    }
}
