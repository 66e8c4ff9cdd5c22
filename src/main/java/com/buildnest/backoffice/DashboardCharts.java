package com.buildnest.backoffice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import com.buildnest.analytics.Dashboard;
import com.buildnest.analytics.Dashboard.Day;
import com.buildnest.shared.Money;

/**
 * The dashboard drawn as server-side SVG (templates/admin/charts.html): each chart's geometry and
 * the exact figures beside it, already written for people (₹ with Indian digit grouping, from
 * exact paise). Doubles are used only for pixel geometry, never for the figures themselves.
 */
record DashboardCharts(Figures totals, Columns revenue, Columns orders, Columns paymentFailures, Bars topProducts,
        Bars topCategories, List<DayRow> days) {

    static final int WIDTH = 720;
    static final int LEFT = 84;
    static final int RIGHT = 712;
    static final int TOP = 12;
    static final int BOTTOM = 196;
    static final int DATE_LABELS = 7;
    static final int BAR_ROW = 28;
    static final int BAR_LEFT = 240;
    static final int BAR_MAX = 380;

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** The range's totals, written for people. */
    record Figures(long orders, String revenue, String refunds, String averageOrderValue, long paymentFailures) {
    }

    /** A chart of one column per day. */
    record Columns(List<Column> columns, List<Label> values, List<Label> dates) {
    }

    /** One day's column; {@code title} is the exact figure, for the tooltip and screen readers. */
    record Column(String x, String y, String width, String height, String title) {
    }

    /** A tick of the value axis (at height {@code at}) or of the date axis (at {@code at} across). */
    record Label(String at, String text) {
    }

    /** A chart of horizontal bars, one per row, largest first; {@code height} of the whole drawing. */
    record Bars(List<Bar> bars, int height) {
    }

    /** A bar at height {@code y}; its label and figure are written at {@code middle}, the figure at {@code valueX}. */
    record Bar(String label, String y, String middle, String width, String valueX, String value) {
    }

    /** One row of the days' table, the text alternative of the per-day charts. */
    record DayRow(LocalDate day, long orders, String revenue, String refunds, long paymentFailures) {
    }

    static DashboardCharts of(Dashboard dashboard) {
        List<Day> days = dashboard.days();
        Dashboard.Totals totals = dashboard.totals();
        return new DashboardCharts(
                new Figures(totals.orders(), rupees(totals.revenue()), rupees(totals.refunds()),
                        rupees(totals.averageOrderValue()), totals.paymentFailures()),
                columns(days, day -> day.revenue().paise(), true),
                columns(days, Day::orders, false),
                columns(days, Day::paymentFailures, false),
                bars(dashboard.topProducts().stream().map(p -> new BarValue(p.name(), p.revenue())).toList()),
                bars(dashboard.topCategories().stream().map(c -> new BarValue(c.name(), c.revenue())).toList()),
                days.stream().map(day -> new DayRow(day.day(), day.orders(), rupees(day.revenue()),
                        rupees(day.refunds()), day.paymentFailures())).toList());
    }

    private record BarValue(String label, Money value) {
    }

    /** Bars as long as their share of the largest value. */
    private static Bars bars(List<BarValue> values) {
        long max = values.stream().mapToLong(value -> value.value().paise()).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            BarValue value = values.get(i);
            double width = max == 0 ? 0 : (double) value.value().paise() / max * BAR_MAX;
            double y = i * BAR_ROW + 2;
            double drawn = Math.max(width, 1);
            bars.add(new Bar(value.label(), px(y), px(y + 11), px(drawn), px(BAR_LEFT + drawn + 6),
                    rupees(value.value())));
        }
        return new Bars(bars, values.size() * BAR_ROW + 4);
    }

    /**
     * Columns scaled to a round top value (1, 2 or 5 times a power of ten), labelled at zero, half
     * and the top; at most {@value #DATE_LABELS} dates under them, evenly spaced.
     */
    private static Columns columns(List<Day> days, ToLongFunction<Day> figure, boolean money) {
        long max = days.stream().mapToLong(figure).max().orElse(0);
        long top = money ? roundUp(ceilDiv(max, 100)) * 100 : roundUp(max);
        double slot = (double) (RIGHT - LEFT) / days.size();
        double plot = BOTTOM - TOP;
        List<Column> columns = new ArrayList<>();
        List<Label> dates = new ArrayList<>();
        int every = (int) ceilDiv(days.size(), DATE_LABELS);
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            long value = figure.applyAsLong(day);
            double height = plot * value / top;
            String text = money ? rupees(Money.ofPaise(value)) : Long.toString(value);
            columns.add(new Column(px(LEFT + i * slot + slot * 0.1), px(BOTTOM - height), px(slot * 0.8),
                    px(height), day.day().format(SHORT_DATE) + ": " + text));
            if (i % every == 0) {
                dates.add(new Label(px(LEFT + i * slot + slot / 2), day.day().format(SHORT_DATE)));
            }
        }
        List<Label> values = new ArrayList<>();
        for (long part = 0; part <= 2; part++) {
            long tick = top * part / 2;
            values.add(new Label(px(BOTTOM - plot * part / 2),
                    money ? "₹" + grouped(tick / 100) : Long.toString(tick)));
        }
        return new Columns(columns, values, dates);
    }

    /** The smallest of 2, 5, 10, 20, 50, 100… not below {@code value}: a top that halves evenly. */
    static long roundUp(long value) {
        long power = 1;
        while (true) {
            for (long step : new long[] { 2, 5, 10 }) {
                if (step * power >= value) {
                    return step * power;
                }
            }
            power *= 10;
        }
    }

    /** Rupees and paise as people in India write them: ₹1,23,456.50. */
    static String rupees(Money money) {
        long paise = money.paise();
        String sign = paise < 0 ? "-" : "";
        paise = Math.abs(paise);
        return sign + "₹" + grouped(paise / 100) + "." + String.format(Locale.ROOT, "%02d", paise % 100);
    }

    /** Indian digit grouping: the last three digits, then pairs (12,34,567). */
    static String grouped(long number) {
        String digits = Long.toString(number);
        if (digits.length() <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.substring(digits.length() - 3));
        String rest = digits.substring(0, digits.length() - 3);
        while (rest.length() > 2) {
            out.insert(0, rest.substring(rest.length() - 2) + ",");
            rest = rest.substring(0, rest.length() - 2);
        }
        return out.insert(0, rest + ",").toString();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
