package com.buildnest.inventory;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Releases reservations whose time ran out, batch by batch, on one replica at a time (ShedLock).
 * Safe to run twice or on two replicas anyway: each reservation leaves ACTIVE by a conditional
 * update, so it is released once.
 */
@Component
class ReservationExpiry {

    static final String LOCK = "inventory.release-expired-reservations";
    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final Inventory inventory;
    private final InventoryProperties properties;
    private final Clock clock;

    ReservationExpiry(Inventory inventory, InventoryProperties properties, Clock clock) {
        this.inventory = inventory;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buildnest.inventory.release-expired-every:1m}",
            initialDelayString = "${buildnest.inventory.release-expired-every:1m}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "10m")
    public void releaseExpired() {
        int batch = properties.reservationBatchSize();
        int total = 0;
        int found;
        do {
            found = inventory.releaseExpired(clock.instant(), batch);
            total += found;
        } while (found == batch);
        if (total > 0) {
            log.info("Released {} expired reservations", total);
        }
    }
}
