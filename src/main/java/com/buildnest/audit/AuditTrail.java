package com.buildnest.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.catalog.CatalogEvents;
import com.buildnest.customer.IdentityEvents.AccountEnabledChanged;
import com.buildnest.customer.IdentityEvents.AccountRegistered;
import com.buildnest.customer.IdentityEvents.AllTokensRevoked;
import com.buildnest.customer.IdentityEvents.CustomersNotifiedOfEmergency;
import com.buildnest.customer.IdentityEvents.PasswordReset;
import com.buildnest.customer.IdentityEvents.RefreshTokenReused;
import com.buildnest.customer.IdentityEvents.RolesChanged;
import com.buildnest.customer.IdentityEvents.SessionsRevoked;
import com.buildnest.customer.IdentityEvents.SignInFailed;
import com.buildnest.customer.IdentityEvents.SigningKeyRotated;
import com.buildnest.customer.IdentityEvents.SocialIdentityLinked;
import com.buildnest.inventory.InventoryEvents;
import com.buildnest.ordering.OrderStatusChanged;
import com.buildnest.partner.PartnerEvents.WebhookSubscriptionChanged;
import com.buildnest.platform.secrets.SecretReloaded;
import com.buildnest.review.ReviewEvents.ReviewHidden;
import com.buildnest.review.ReviewEvents.ReviewUnhidden;

/**
 * Writes the audit log from the events of other modules, in the same transaction as the change
 * it records, so a change and its audit line commit or fail together. Only ids, key ids and
 * reasons are written: the events carry no secret to write.
 */
@Service
public class AuditTrail {

    static final int MAX_PAGE_SIZE = 100;

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditTrail(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(SignInFailed event) {
        record("sign-in.failed", event.accountId(), null,
                "reason=" + event.reason() + " identifier-sha256=" + event.identifierFingerprint());
    }

    @EventListener
    @Transactional
    public void on(RefreshTokenReused event) {
        record("session.refresh-token-reused", event.accountId(), null,
                "family=" + event.familyId() + " revoked");
    }

    @EventListener
    @Transactional
    public void on(SessionsRevoked event) {
        record("session.all-revoked", event.accountId(), null, "reason=" + event.reason());
    }

    @EventListener
    @Transactional
    public void on(AccountRegistered event) {
        record("account.registered", event.accountId(), event.accountId(), "");
    }

    @EventListener
    @Transactional
    public void on(RolesChanged event) {
        record("account.roles-changed", event.accountId(), event.changedBy(),
                "before=" + event.before() + " after=" + event.after());
    }

    @EventListener
    @Transactional
    public void on(AccountEnabledChanged event) {
        record(event.enabled() ? "account.enabled" : "account.disabled", event.accountId(), event.changedBy(), "");
    }

    @EventListener
    @Transactional
    public void on(SocialIdentityLinked event) {
        record("account.social-identity-linked", event.accountId(), event.accountId(),
                "provider=" + event.provider());
    }

    @EventListener
    @Transactional
    public void on(PasswordReset event) {
        record("account.password-reset", event.accountId(), event.accountId(), "");
    }

    @EventListener
    @Transactional
    public void on(SigningKeyRotated event) {
        record("signing-key.rotated", null, null,
                "previous=" + event.previousKeyId() + " current=" + event.currentKeyId());
    }

    @EventListener
    @Transactional
    public void on(AllTokensRevoked event) {
        record("signing-key.emergency-revocation", null, event.requestedBy(),
                "revoked-before=" + event.revokedBefore() + " trusted-key=" + event.trustedKeyId()
                        + " refresh-tokens-revoked=" + event.refreshTokensRevoked());
    }

    @EventListener
    @Transactional
    public void on(CustomersNotifiedOfEmergency event) {
        record("security.emergency-rotation", null, event.requestedBy(),
                "customers-notified=" + event.customersNotified() + " reason=" + event.reason());
    }

    /** A replica took up a rotated database, Redis or payment secret (one line per replica). */
    @EventListener
    @Transactional
    public void on(SecretReloaded event) {
        record("secret.reloaded", null, null, "secret=" + event.secret() + " " + event.detail());
    }

    @EventListener
    @Transactional
    public void on(CatalogEvents.ProductChanged event) {
        record("catalog.product-" + event.action(), null, event.actorId(),
                "product=" + event.productId() + " sku=" + event.sku() + " " + event.changes());
    }

    @EventListener
    @Transactional
    public void on(CatalogEvents.CategoryChanged event) {
        record("catalog.category-" + event.action(), null, event.actorId(),
                "category=" + event.categoryId() + " slug=" + event.slug() + " " + event.changes());
    }

    @EventListener
    @Transactional
    public void on(CatalogEvents.ProductsImported event) {
        record("catalog.products-imported", null, event.actorId(), "created=" + event.created() + " updated="
                + event.updated() + " unchanged=" + event.unchanged());
    }

    /**
     * Every move of an order: to whom the order belongs, who moved it (the customer, staff, or the
     * system when no one did: the payment gateway, expiry), from which status to which, and why.
     * The action is {@code order.placed}, then {@code order.} and the new status ({@code order.shipped},
     * {@code order.return-requested}); a step that keeps the status (a refund noted on a cancelled
     * order) is {@code order.noted}.
     */
    @EventListener
    @Transactional
    public void on(OrderStatusChanged event) {
        String action = event.from() == null ? "order.placed" : event.from() == event.to() ? "order.noted"
                : "order." + event.to().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String by = event.actorId() == null ? "system"
                : event.actorId() == event.accountId() ? "customer" : "staff";
        record(action, event.accountId(), event.actorId(), "order=" + event.orderNumber() + " from="
                + event.from() + " to=" + event.to() + " by=" + by
                + (event.note() == null ? "" : " note=" + event.note()));
    }

    /** A partner webhook subscription created, changed, enabled, disabled (by hand or after failures) or deleted. */
    @EventListener
    @Transactional
    public void on(WebhookSubscriptionChanged event) {
        record("partner.webhook-" + event.action(), null, event.actorId(),
                ("subscription=" + event.subscriptionId() + " " + event.detail()).strip());
    }

    @EventListener
    @Transactional
    public void on(ReviewHidden event) {
        record("review.hidden", event.authorId(), event.staffId(),
                "review=" + event.reviewId() + " product=" + event.productId() + " reason=" + event.reason());
    }

    @EventListener
    @Transactional
    public void on(ReviewUnhidden event) {
        record("review.unhidden", event.authorId(), event.staffId(),
                "review=" + event.reviewId() + " product=" + event.productId() + " reason=" + event.reason());
    }

    @EventListener
    @Transactional
    public void on(InventoryEvents.GoodsReceived event) {
        record("inventory.goods-received", null, event.actorId(), "sku=" + event.sku() + " quantity="
                + event.quantity() + (event.reason() == null ? "" : " reason=" + event.reason()));
    }

    @EventListener
    @Transactional
    public void on(InventoryEvents.StockAdjusted event) {
        record("inventory.stock-adjusted", null, event.actorId(), "sku=" + event.sku() + " delta="
                + (event.delta() > 0 ? "+" : "") + event.delta() + " reason=" + event.reason());
    }

    /** A threshold of "default" means the SKU follows its category's, else the configured one. */
    @EventListener
    @Transactional
    public void on(InventoryEvents.LowStockThresholdChanged event) {
        record("inventory.threshold-changed", null, event.actorId(), "sku=" + event.sku() + " before="
                + thresholdOrDefault(event.before()) + " after=" + thresholdOrDefault(event.after()));
    }

    private static String thresholdOrDefault(Long threshold) {
        return threshold == null ? "default" : threshold.toString();
    }

    /**
     * What the back office's audit page asks: any of the filter's parts that are given, together.
     *
     * @param actorId who did it
     * @param accountId the account it was done to
     * @param action an action ({@code account.disabled}) or its first part ({@code account})
     * @param entity text in the detail naming what it was done to ({@code sku=OPC-53}, {@code order=BN-1})
     * @param from from this moment on
     * @param until before this moment
     */
    public record AuditFilter(Long actorId, Long accountId, String action, String entity, Instant from,
            Instant until) {
    }

    /** The log, newest first, filtered; at most 100 a page. */
    @Transactional(readOnly = true)
    public Page<AuditEntryView> search(AuditFilter filter, int page, int size) {
        List<Specification<AuditEntry>> parts = new ArrayList<>();
        if (filter.actorId() != null) {
            parts.add((entry, query, cb) -> cb.equal(entry.get("actorId"), filter.actorId()));
        }
        if (filter.accountId() != null) {
            parts.add((entry, query, cb) -> cb.equal(entry.get("accountId"), filter.accountId()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            String action = filter.action().strip();
            parts.add((entry, query, cb) -> cb.or(cb.equal(entry.get("action"), action),
                    cb.like(entry.get("action"), escaped(action) + ".%", '!')));
        }
        if (filter.entity() != null && !filter.entity().isBlank()) {
            String entity = escaped(filter.entity().strip());
            parts.add((entry, query, cb) -> cb.like(entry.get("detail"), "%" + entity + "%", '!'));
        }
        if (filter.from() != null) {
            parts.add((entry, query, cb) -> cb.greaterThanOrEqualTo(entry.get("occurredAt"), filter.from()));
        }
        if (filter.until() != null) {
            parts.add((entry, query, cb) -> cb.lessThan(entry.get("occurredAt"), filter.until()));
        }
        return entries.findAll(Specification.allOf(parts),
                PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE), Sort.by(Sort.Direction.DESC, "id")))
                .map(AuditEntryView::of);
    }

    /** '!' escapes LIKE's wildcards: a backslash would need escaping itself in MariaDB's literals. */
    private static String escaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The log, newest first, optionally for one account or one action. */
    @Transactional(readOnly = true)
    Page<AuditEntryView> read(Long accountId, String action, int page, int size) {
        PageRequest request = PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE), Sort.by(Sort.Direction.DESC, "id"));
        Page<AuditEntry> found = accountId != null ? entries.findByAccountId(accountId, request)
                : action != null ? entries.findByAction(action, request) : entries.findAll(request);
        return found.map(AuditEntryView::of);
    }

    private void record(String action, Long accountId, Long actorId, String detail) {
        entries.save(new AuditEntry(clock.instant(), action, accountId, actorId, detail));
    }

    /** An audit line as the admin API and the back office show it. */
    public record AuditEntryView(long id, Instant occurredAt, String action, Long accountId, Long actorId,
            String detail) {
        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.id(), entry.occurredAt(), entry.action(), entry.accountId(),
                    entry.actorId(), entry.detail());
        }
    }
}
