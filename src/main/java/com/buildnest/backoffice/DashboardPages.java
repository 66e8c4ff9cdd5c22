package com.buildnest.backoffice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.buildnest.analytics.Dashboard;
import com.buildnest.analytics.DashboardRange;
import com.buildnest.analytics.SalesDashboard;
import com.buildnest.inventory.Inventory;
import com.buildnest.shared.IndianDay;

/**
 * The back office's home: the sales dashboard of a date range (analytics' {@link SalesDashboard},
 * as {@code GET /api/admin/analytics/dashboard} serves it, with the same range rules) drawn as
 * charts, and the SKUs now low on stock. A refused range is the form again, 400, as typed.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class DashboardPages {

    static final int LOW_STOCK_SHOWN = 10;

    private final SalesDashboard sales;
    private final Inventory inventory;
    private final Clock clock;

    DashboardPages(SalesDashboard sales, Inventory inventory, Clock clock) {
        this.sales = sales;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** A link that fills the form with a common range ending today (days in India). */
    record QuickRange(String label, LocalDate from, LocalDate to) {

        static List<QuickRange> endingOn(LocalDate today) {
            return List.of(new QuickRange("Last 7 days", today.minusDays(6), today),
                    new QuickRange("Last 30 days", today.minusDays(29), today),
                    new QuickRange("This month", today.withDayOfMonth(1), today));
        }
    }

    @GetMapping("/admin")
    String dashboard(@Valid DashboardRange range, BindingResult errors, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        model.addAttribute("quickRanges", QuickRange.endingOn(IndianDay.today(clock)));
        model.addAttribute("lowStock", inventory.lowStock(0, LOW_STOCK_SHOWN).getContent());
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("from", from).addAttribute("to", to).addAttribute("fieldErrors", messages(errors));
            return "admin/dashboard";
        }
        Dashboard dashboard = sales.of(range.from(), range.to());
        model.addAttribute("from", dashboard.from().toString()).addAttribute("to", dashboard.to().toString())
                .addAttribute("dashboard", dashboard).addAttribute("charts", DashboardCharts.of(dashboard));
        return "admin/dashboard";
    }

    /** The first message per field; a value that is not a date says so rather than how conversion failed. */
    private static Map<String, String> messages(BindingResult errors) {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(error -> messages.putIfAbsent(error.getField(),
                error.isBindingFailure() ? "is not a date (YYYY-MM-DD)" : error.getDefaultMessage()));
        return messages;
    }
}
