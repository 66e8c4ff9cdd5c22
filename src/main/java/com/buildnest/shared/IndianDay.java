package com.buildnest.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The shop trades in India: a day (for a GST rate in force, an invoice date, a financial year)
 * is a day in India Standard Time, whatever zone the servers run in (UTC here). At 23:30 UTC it is
 * already tomorrow in India.
 */
public final class IndianDay {

    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private IndianDay() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
