package com.buildnest.partner;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WebhookSubscriptionRepository extends JpaRepository<WebhookSubscription, Long> {

    List<WebhookSubscription> findByEnabledTrue();

    Page<WebhookSubscription> findAllByOrderByIdAsc(Pageable pageable);

    /** A delivery arrived: the count of failures in a row starts again. */
    @Modifying
    @Query("""
            update WebhookSubscription s set s.consecutiveFailures = 0, s.version = s.version + 1
            where s.id = :id and s.consecutiveFailures > 0""")
    int deliverySucceeded(long id);

    @Modifying
    @Query("""
            update WebhookSubscription s set s.consecutiveFailures = s.consecutiveFailures + 1, s.version = s.version + 1
            where s.id = :id""")
    int deliveryFailed(long id);

    /** Disables it once its failures in a row reach {@code threshold}; 1 for the one caller that did. */
    @Modifying
    @Query("""
            update WebhookSubscription s set s.enabled = false, s.disabledAt = :now, s.disabledReason = :reason,
            s.updatedAt = :now, s.version = s.version + 1
            where s.id = :id and s.enabled = true and s.consecutiveFailures >= :threshold""")
    int disableAfterFailures(long id, int threshold, String reason, Instant now);
}
