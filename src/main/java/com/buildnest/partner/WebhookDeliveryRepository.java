package com.buildnest.partner;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import com.buildnest.partner.WebhookDelivery.Status;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    /** Pending deliveries whose time has come, of subscriptions that are enabled, oldest due first. */
    @Query("""
            select d.id from WebhookDelivery d, WebhookSubscription s
            where s.id = d.subscriptionId and s.enabled = true and d.status = :pending and d.nextAttemptAt <= :now
            order by d.nextAttemptAt, d.id""")
    List<Long> findDue(Status pending, Instant now, Pageable pageable);

    /**
     * Queues one event for every enabled subscription that wants its type, in one statement; answers
     * how many were queued. The subscriptions are read by the statement itself, so one disabled or
     * deleted a moment ago is never queued for, whatever the caller believed. Event types are stored
     * as comma-separated codes ({@link WebhookSubscription#codes}), hence the match on ",code,".
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into partner_delivery (subscription_id, event_id, event_type, payload, status, attempts,
            next_attempt_at, created_at)
            select s.id, :eventId, :eventType, :payload, 'PENDING', 0, :now, :now from partner_subscription s
            where s.enabled = true and locate(concat(',', :eventType, ','), concat(',', s.event_types, ',')) > 0""")
    int queueForSubscriptionsWanting(String eventType, String eventId, String payload, Instant now);

    /**
     * Takes a due delivery for one attempt: counts the attempt and moves its next attempt to the end
     * of the lease, so that no other run takes it meanwhile, and a crash mid-send only delays it.
     */
    @Modifying
    @Query("""
            update WebhookDelivery d set d.attempts = d.attempts + 1, d.nextAttemptAt = :leaseUntil
            where d.id = :id and d.status = :pending and d.nextAttemptAt <= :now""")
    int claim(long id, Status pending, Instant now, Instant leaseUntil);

    @Modifying
    @Query("""
            update WebhookDelivery d set d.status = :to, d.finishedAt = :now, d.lastStatusCode = :statusCode,
            d.lastError = :error where d.id = :id and d.status = :pending""")
    int finish(long id, Status pending, Status to, Instant now, Integer statusCode, String error);

    @Modifying
    @Query("""
            update WebhookDelivery d set d.nextAttemptAt = :at, d.lastStatusCode = :statusCode, d.lastError = :error
            where d.id = :id and d.status = :pending""")
    int retryAt(long id, Status pending, Instant at, Integer statusCode, String error);

    Page<WebhookDelivery> findBySubscriptionIdOrderByIdDesc(long subscriptionId, Pageable pageable);

    Page<WebhookDelivery> findBySubscriptionIdAndStatusOrderByIdDesc(long subscriptionId, Status status,
            Pageable pageable);

    Optional<WebhookDelivery> findByIdAndSubscriptionId(long id, long subscriptionId);

    @Query("select d.id from WebhookDelivery d where d.subscriptionId = :subscriptionId")
    List<Long> findIdsBySubscriptionId(long subscriptionId);

    @Query("select d.id from WebhookDelivery d where d.status <> :pending and d.createdAt < :before order by d.id")
    List<Long> findFinishedBefore(Status pending, Instant before, Pageable pageable);

    @Modifying
    @Query("delete from WebhookDelivery d where d.id in :ids")
    int deleteByIds(Collection<Long> ids);
}
