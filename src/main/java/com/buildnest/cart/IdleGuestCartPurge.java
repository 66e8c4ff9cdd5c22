package com.buildnest.cart;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Deletes guest carts nobody touched for {@code buildnest.cart.guest-idle-time}, batch by batch,
 * on one replica at a time (ShedLock). Running twice is harmless: a deleted cart is gone.
 */
@Component
class IdleGuestCartPurge {

    static final String LOCK = "cart.purge-idle-guest-carts";
    private static final Logger log = LoggerFactory.getLogger(IdleGuestCartPurge.class);

    private final Carts carts;
    private final CartProperties properties;
    private final Clock clock;

    IdleGuestCartPurge(Carts carts, CartProperties properties, Clock clock) {
        this.carts = carts;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${buildnest.cart.purge-every:1h}",
            initialDelayString = "${buildnest.cart.purge-every:1h}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "30m")
    public void purge() {
        int batch = properties.purgeBatchSize();
        int total = 0;
        int found;
        do {
            found = carts.purgeIdleGuestCarts(clock.instant().minus(properties.guestIdleTime()), batch);
            total += found;
        } while (found == batch);
        if (total > 0) {
            log.info("Purged {} idle guest carts", total);
        }
    }
}
