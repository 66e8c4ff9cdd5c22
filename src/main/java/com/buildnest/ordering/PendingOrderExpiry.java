package com.buildnest.ordering;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Cancels unpaid orders whose reservation has run out and gives their stock back, on one replica at
 * a time (ShedLock), in batches until none is left.
 */
@Component
class PendingOrderExpiry {

    static final String LOCK = "ordering-pending-order-expiry";
    private static final Logger log = LoggerFactory.getLogger(PendingOrderExpiry.class);
    private static final int BATCH = 100;

    private final Orders orders;
    private final Clock clock;

    PendingOrderExpiry(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buildnest.ordering.expire-every:30s}", initialDelayString = "${buildnest.ordering.expire-every:30s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "5m")
    void expireOverdueOrders() {
        int cancelled = 0;
        int seen;
        do {
            seen = orders.expireOverdue(clock.instant(), BATCH);
            cancelled += seen;
        } while (seen == BATCH);
        if (cancelled > 0) {
            log.info("Cancelled {} unpaid orders whose reservation ran out", cancelled);
        }
    }
}
