package com.buildnest.payment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.payment.Settlement.Outcome;
import com.buildnest.shared.BusinessRuleViolation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Razorpay's webhooks (and the simulated gateway's, which are the same): the signature over the
 * raw body is checked first, and a forged event leaves no trace. A genuine event is recorded in
 * the inbox by its event id in the same transaction as its effect, so a redelivered event does
 * nothing, and a failure part-way lets Razorpay deliver it again; an event reporting a capture
 * already made (the browser's verify usually comes first) has no effect, and its inbox row is
 * written in one statement without a transaction. Events may come late or out of
 * order; {@link Settlement} makes each one take effect once and never undo a capture.
 */
@Component
class RazorpayWebhooks {

    private static final Logger log = LoggerFactory.getLogger(RazorpayWebhooks.class);
    static final int MAX_EVENT_ID = 64;
    private static final Set<String> CAPTURES = Set.of("payment.captured", "payment.authorized");

    private final PaymentGateway gateway;
    private final Settlement settlement;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    RazorpayWebhooks(PaymentGateway gateway, Settlement settlement, JdbcClient jdbc,
            PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.gateway = gateway;
        this.settlement = settlement;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Handles one delivery.
     *
     * @return what it did: {@code settled}, {@code already-settled}, {@code duplicate}, {@code ignored}, …
     * @throws PaymentSignatureInvalid when the signature is not the webhook secret's; nothing is recorded
     */
    String receive(byte[] body, String signature, String eventId) {
        if (!gateway.signatures().webhookSignatureValid(body, signature)) {
            throw new PaymentSignatureInvalid(PaymentSignatureInvalid.WEBHOOK,
                    "The webhook signature does not match its body.");
        }
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_EVENT_ID) {
            throw malformed("The X-Razorpay-Event-Id header is missing or too long.");
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JacksonException unreadable) {
            throw malformed("The webhook body is not JSON.");
        }
        String type = event.path("event").asString("");
        if (type.isBlank()) {
            throw malformed("The webhook body names no event.");
        }
        // A capture's payment is read once, here: found captured as this attempt, nothing changes;
        // otherwise the read is handed on to the capture instead of being made again.
        PaymentGateway.Payment attempt = CAPTURES.contains(type)
                ? entity(event.path("payload"), "payment", PaymentGateway.Payment.class) : null;
        Payment known = attempt == null ? null : settlement.paymentOf(attempt).orElse(null);
        if (known != null && settlement.alreadyCapturedAs(known, attempt)) {
            return recordAlreadySettled(eventId, type);
        }
        try {
            return transaction.execute(status -> {
                jdbc.sql("insert into payment_webhook_inbox (event_id, event_type, received_at) values (?, ?, ?)")
                        .params(eventId, type.length() > 64 ? type.substring(0, 64) : type,
                                utcNow())
                        .update();
                String outcome = apply(type, event.path("payload"), attempt, known);
                jdbc.sql("update payment_webhook_inbox set processed_at = ?, outcome = ? where event_id = ?")
                        .params(utcNow(), outcome, eventId).update();
                return outcome;
            });
        } catch (DuplicateKeyException delivered) {
            return "duplicate";
        }
    }

    /**
     * The capture this event reports was made already (the browser's verify usually comes first):
     * nothing to change, so the inbox row is written whole in one statement, without a transaction.
     */
    private String recordAlreadySettled(String eventId, String type) {
        LocalDateTime now = utcNow();
        try {
            jdbc.sql("""
                    insert into payment_webhook_inbox (event_id, event_type, received_at, processed_at, outcome)
                    values (?, ?, ?, ?, ?)""")
                    .params(eventId, type, now, now, Outcome.ALREADY_SETTLED.label()).update();
            return Outcome.ALREADY_SETTLED.label();
        } catch (DuplicateKeyException delivered) {
            return "duplicate";
        }
    }

    /**
     * Applies an event; for a capture, {@code attempt} is the payment entity it carries and {@code known}
     * our payment as read already, or null.
     */
    private String apply(String type, JsonNode payload, PaymentGateway.Payment attempt, Payment known) {
        try {
            Outcome outcome = switch (type) {
                case "payment.captured", "payment.authorized" -> known != null
                        ? settlement.captured(known, attempt) : settlement.captured(attempt);
                case "payment.failed" -> settlement.failed(entity(payload, "payment", PaymentGateway.Payment.class));
                case "refund.processed", "refund.created" -> settlement.refundReported(entity(payload, "refund",
                        PaymentGateway.Refund.class));
                case "refund.failed" -> settlement.refundFailed(entity(payload, "refund", PaymentGateway.Refund.class));
                default -> null;
            };
            return outcome == null ? "ignored" : outcome.label();
        } catch (BusinessRuleViolation refused) {
            log.error("Webhook {} refused: {}", type, refused.getMessage());
            return "refused";
        }
    }

    private <T> T entity(JsonNode payload, String name, Class<T> type) {
        JsonNode entity = payload.path(name).path("entity");
        if (!entity.isObject()) {
            throw malformed("The webhook carries no " + name + ".");
        }
        try {
            return json.treeToValue(entity, type);
        } catch (JacksonException unreadable) {
            throw malformed("The webhook's " + name + " is not readable.");
        }
    }

    /** Stored as UTC, as Hibernate stores every instant of this schema. */
    private LocalDateTime utcNow() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static WebhookMalformed malformed(String message) {
        return new WebhookMalformed(message);
    }

    /** A correctly signed webhook we cannot read: 400 {@code payment.webhook-malformed}, nothing recorded. */
    static final class WebhookMalformed extends RuntimeException {

        static final String CODE = "payment.webhook-malformed";

        WebhookMalformed(String message) {
            super(message);
        }
    }
}
