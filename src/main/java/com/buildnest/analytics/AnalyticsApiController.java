package com.buildnest.analytics;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sales dashboard for staff (STAFF or ADMIN, as all of {@code /api/admin/**}):
 * {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD}, or neither for the last days up to today.
 */
@RestController
class AnalyticsApiController {

    private final SalesDashboard dashboard;

    AnalyticsApiController(SalesDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/admin/analytics/dashboard")
    Dashboard dashboard(@Valid DashboardRange range) {
        return dashboard.of(range.from(), range.to());
    }
}
