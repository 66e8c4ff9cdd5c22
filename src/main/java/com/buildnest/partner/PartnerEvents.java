package com.buildnest.partner;

import java.time.Instant;

/**
 * What happened to a partner's webhook subscription, published in the transaction of the change
 * (the audit log records them). Never carries the signing secret.
 */
public final class PartnerEvents {

    private PartnerEvents() {
    }

    /**
     * @param action {@code created}, {@code updated}, {@code deleted}, {@code enabled}, {@code disabled}
     *        or {@code secret-rotated}
     * @param detail what the subscription is or what changed, in words
     * @param actorId the administrator, or null when the shop disabled it after repeated failures
     */
    public record WebhookSubscriptionChanged(long subscriptionId, String action, String detail, Long actorId,
            Instant at) {
    }
}
