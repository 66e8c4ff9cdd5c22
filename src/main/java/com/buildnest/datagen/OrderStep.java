package com.buildnest.datagen;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.buildnest.ordering.DeliveryCharges;
import com.buildnest.ordering.FinancialYear;
import com.buildnest.ordering.OrderStatus;
import com.buildnest.ordering.OrderingProperties;
import com.buildnest.ordering.TaxSplit;
import com.buildnest.ordering.TaxSplit.Supply;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;

/**
 * Orders of the twelve months before the generator's day, with their lines, history and tax
 * invoices, priced and taxed exactly as checkout prices them: the tier price for the quantity, GST
 * at the rate in force for the HSN code that day, split CGST + SGST or IGST by place of supply with
 * the ordering module's own {@link TaxSplit}, delivery charged by the ordering module's own
 * {@link DeliveryCharges} for the PIN code and weight. Each order lives its life by the order's
 * state machine up to the generator's day: paid within minutes (a few after a failed attempt, a few
 * never), packed, shipped and delivered over the following days; some cancelled before or after
 * payment, returned, or partly refunded. Buyers and products are drawn unevenly, as in a real shop:
 * a few buyers (contractors) order far more often than most, and a few products sell far more.
 * Invoice numbers run consecutively per financial year in order of payment, after any already
 * issued. Ids are assigned in order of placing, after the largest already used.
 */
final class OrderStep implements GeneratorStep {

    private static final ZoneId IST = IndianDay.ZONE;
    private static final int DAYS = 365;
    private static final int CHUNK = 1000;
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final String GATEWAY = "razorpay";
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int[] LINES_PERCENT = { 35, 25, 18, 10, 7, 5 };
    private static final List<String> FAILURES = List.of("Payment failed: the bank declined the transaction",
            "Payment failed: UPI request timed out", "Payment failed: card authentication failed",
            "Payment failed: insufficient funds");
    private static final List<String> CANCEL_REASONS = List.of("Ordered by mistake", "Site work postponed",
            "Found the material locally", "Wrong quantity ordered", "Delivery date too late");
    private static final List<String> RETURN_REASONS = List.of("Tiles arrived cracked in two boxes",
            "Wrong shade delivered", "Bags were damp and the cement had set", "Ordered the wrong size",
            "Material not needed after the design changed", "Quality not as described");
    private static final List<String> CARRIERS = List.of("Delhivery", "Blue Dart", "VRL Logistics", "Gati",
            "Safexpress", "BuildNest fleet");

    /** How an order's life goes, decided when it is placed; the generator's day may cut it short. */
    private enum Course {
        EXPIRES_UNPAID, FAILS_THEN_CANCELLED, FAILS_THEN_PAID, CANCELLED_AFTER_PAYMENT, RETURNED, PARTLY_REFUNDED,
        DELIVERED
    }

    private record GstRate(String hsn, BigDecimal rate, LocalDate from, LocalDate to) {
    }

    private record Change(OrderStatus from, OrderStatus to, Instant at, Long actorId, String note) {
    }

    /** An order planned in memory: its row, lines and history, before ids and invoice numbers. */
    private static final class Planned {
        Object[] row;
        List<Object[]> lines = new ArrayList<>();
        List<Change> history = new ArrayList<>();
        GeneratedData.Order order;
        Instant placedAt;
        Instant paidAt;
        String invoiceNumber;
        LocalDate invoicedOn;
    }

    private final OrderingProperties ordering;
    private final DeliveryCharges deliveryCharges;

    OrderStep(OrderingProperties ordering) {
        this.ordering = ordering;
        this.deliveryCharges = new DeliveryCharges(ordering.shipping());
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public Set<String> requires() {
        return Set.of("catalogue", "customers");
    }

    @Override
    public String unit() {
        return "orders";
    }

    @Override
    public long size(GenerationOptions options) {
        return options.orders();
    }

    @Override
    public void generate(StepContext context) throws SQLException {
        List<GeneratedData.Product> sellable = shuffled(context,
                context.data.products.stream().filter(GeneratedData.Product::active).toList());
        List<GeneratedData.Account> buyers = shuffled(context, context.data.accounts.stream()
                .filter(account -> account.addresses().stream().anyMatch(this::served)).toList());
        if (context.options.orders() == 0 || sellable.isEmpty() || buyers.isEmpty()) {
            return;
        }
        List<GstRate> rates = gstRates(context);
        Set<String> numbers = new HashSet<>();
        List<Planned> planned = new ArrayList<>(context.options.orders());
        for (int i = 0; i < context.options.orders(); i++) {
            planned.add(plan(context, sellable, buyers, rates, numbers));
        }
        planned.sort(Comparator.comparing((Planned order) -> order.placedAt));
        assignInvoiceNumbers(context, planned);
        long firstId = context.number("SELECT COALESCE(MAX(id), 0) FROM ordering_order") + 1;
        try (BatchInsert lines = context.insert("ordering_order_line", "order_id", "position", "product_id", "sku",
                "name", "hsn_code", "unit", "quantity", "unit_price_paise", "taxable_paise", "gst_rate", "cgst_paise",
                "sgst_paise", "igst_paise");
                BatchInsert history = context.insert("ordering_status_change", "order_id", "position", "from_status",
                        "to_status", "changed_at", "actor_id", "note")) {
            for (int start = 0; start < planned.size(); start += CHUNK) {
                List<Planned> chunk = planned.subList(start, Math.min(start + CHUNK, planned.size()));
                // the chunk's orders are written before their lines and history (foreign keys)
                try (BatchInsert orders = context.insert("ordering_order", "id", "order_number", "account_id",
                        "status", "supply", "seller_state_code", "place_of_supply_code", "place_of_supply_name",
                        "billing_gstin", "recipient_name", "phone", "address_line1", "address_line2", "landmark",
                        "city", "pin_code", "weight_grams", "goods_paise", "delivery_paise", "delivery_gst_rate",
                        "delivery_sac", "cgst_paise", "sgst_paise", "igst_paise", "total_paise", "refunded_paise",
                        "refund_owed_paise", "refunds_settled", "payment_gateway", "gateway_order_id",
                        "gateway_payment_id", "invoice_number", "invoiced_on", "carrier", "tracking_number",
                        "reservation_expires_at", "placed_at", "updated_at", "version")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        Planned order = chunk.get(i);
                        order.row[0] = firstId + start + i;
                        order.row[31] = order.invoiceNumber;
                        order.row[32] = order.invoicedOn;
                        orders.add(order.row);
                    }
                }
                for (Planned order : chunk) {
                    Object id = order.row[0];
                    for (Object[] line : order.lines) {
                        line[0] = id;
                        lines.add(line);
                    }
                    for (int position = 0; position < order.history.size(); position++) {
                        Change change = order.history.get(position);
                        history.add(id, position, change.from() == null ? null : change.from().name(),
                                change.to().name(), change.at(), change.actorId(), change.note());
                    }
                    context.data.orders.add(order.order);
                }
                context.advance(chunk.size());
            }
        }
    }

    private Planned plan(StepContext context, List<GeneratedData.Product> sellable,
            List<GeneratedData.Account> buyers, List<GstRate> rates, Set<String> numbers) {
        Instant placed = placingTime(context);
        GeneratedData.Account buyer = buyers.get(skewed(context, buyers.size(), 2));
        List<GeneratedData.Address> served = buyer.addresses().stream().filter(this::served).toList();
        GeneratedData.Address address = served.get(0);
        if (served.size() > 1 && context.chance(35)) {
            address = context.pick(served);
        }
        Supply supply = Supply.between(ordering.seller().stateCode(), address.stateGstCode());
        LocalDate day = LocalDate.ofInstant(placed, IST);
        String number;
        do {
            number = orderNumber(context, day);
        } while (!numbers.add(number));

        Planned plan = new Planned();
        plan.placedAt = placed;
        Set<Long> chosen = new HashSet<>();
        int lineCount = context.weighted(LINES_PERCENT) + 1;
        Money goods = Money.ZERO;
        Money cgst = Money.ZERO;
        Money sgst = Money.ZERO;
        Money igst = Money.ZERO;
        long weight = 0;
        List<GeneratedData.Line> sold = new ArrayList<>();
        for (int attempt = 0; plan.lines.size() < lineCount && attempt < lineCount * 4; attempt++) {
            GeneratedData.Product product = sellable.get(skewed(context, sellable.size(), 3));
            if (!chosen.add(product.id())) {
                continue;
            }
            long quantity = quantity(context, product);
            long unitPrice = product.unitPriceFor(quantity);
            Money taxable = Money.ofPaise(Math.multiplyExact(unitPrice, quantity));
            BigDecimal rate = rate(rates, product.hsnCode(), day);
            TaxSplit tax = TaxSplit.on(taxable, rate, supply);
            plan.lines.add(new Object[] { null, plan.lines.size(), product.id(), product.sku(), product.name(),
                    product.hsnCode(), product.unit(), quantity, unitPrice, taxable.paise(), rate,
                    tax.cgst().paise(), tax.sgst().paise(), tax.igst().paise() });
            sold.add(new GeneratedData.Line(product.id(), product.sku(), product.name(), quantity,
                    tax.total().paise()));
            goods = goods.plus(taxable);
            cgst = cgst.plus(tax.cgst());
            sgst = sgst.plus(tax.sgst());
            igst = igst.plus(tax.igst());
            weight = Math.addExact(weight, Math.multiplyExact(quantity, product.weightGrams()));
        }
        TaxSplit deliveryTax = TaxSplit.on(deliveryCharges.chargeFor(address.pinCode(), weight),
                ordering.shipping().gstRate(), supply);
        cgst = cgst.plus(deliveryTax.cgst());
        sgst = sgst.plus(deliveryTax.sgst());
        igst = igst.plus(deliveryTax.igst());
        long total = goods.plus(deliveryTax.taxable()).plus(cgst).plus(sgst).plus(igst).paise();
        Instant expires = placed.plus(ordering.reservationTtl()).plus(GRACE);

        Life life = live(context, plan, number, buyer.id(), placed, expires, total);
        plan.paidAt = life.paidAt;
        plan.row = new Object[] { null, number, buyer.id(), life.status.name(), supply.name(),
                ordering.seller().stateCode(), address.stateGstCode(), address.stateName(), address.gstin(),
                address.recipientName(), address.phone(), address.line1(), address.line2(), address.landmark(),
                address.city(), address.pinCode(), weight, goods.paise(), deliveryTax.taxable().paise(),
                deliveryTax.rate(), ordering.shipping().sac(), cgst.paise(), sgst.paise(), igst.paise(), total,
                life.refundedPaise(), life.owedPaise, life.refunds.size(), GATEWAY, life.gatewayOrderId,
                life.gatewayPaymentId, null, null, life.carrier, life.trackingNumber, expires, placed,
                plan.history.get(plan.history.size() - 1).at(), (long) plan.history.size() - 1 };
        plan.order = new GeneratedData.Order(number, buyer.id(), life.status, placed, expires, total, sold,
                life.gatewayOrderId, life.gatewayPaymentId, life.failureReason, life.failedAt, life.paidAt,
                life.paidAt, life.releasedAt, life.restockedAt, life.restockReason, life.deliveredAt,
                life.cancelledAt, life.refunds, plan.history.get(plan.history.size() - 1).at());
        return plan;
    }

    /** What happened to an order up to the generator's day. */
    private static final class Life {
        OrderStatus status = OrderStatus.PENDING_PAYMENT;
        long totalPaise;
        String gatewayOrderId;
        String gatewayPaymentId;
        String failureReason;
        Instant failedAt;
        Instant paidAt;
        Instant releasedAt;
        Instant restockedAt;
        String restockReason;
        Instant deliveredAt;
        Instant cancelledAt;
        String carrier;
        String trackingNumber;
        long owedPaise;
        List<GeneratedData.Refund> refunds = new ArrayList<>();

        long refundedPaise() {
            return refunds.stream().mapToLong(GeneratedData.Refund::amountPaise).sum();
        }
    }

    private Life live(StepContext context, Planned plan, String number, long accountId, Instant placed,
            Instant expires, long total) {
        Life life = new Life();
        life.totalPaise = total;
        plan.history.add(new Change(null, OrderStatus.PENDING_PAYMENT, placed, accountId, null));
        life.gatewayOrderId = gatewayId(context, "order_");
        Course course = course(context);
        Instant at = placed;
        if (course == Course.EXPIRES_UNPAID) {
            cancelUnpaid(plan, life, expires, null, "reservation expired");
            return life;
        }
        if (course == Course.FAILS_THEN_CANCELLED || course == Course.FAILS_THEN_PAID) {
            at = at.plusSeconds(context.between(60, 8 * 60));
            life.failedAt = at;
            life.failureReason = context.pick(FAILURES);
            move(plan, life, OrderStatus.PAYMENT_FAILED, at, null, life.failureReason);
            if (course == Course.FAILS_THEN_CANCELLED) {
                if (context.chance(50)) {
                    cancelUnpaid(plan, life, at.plusSeconds(context.between(60, 10 * 60)), accountId,
                            context.pick(CANCEL_REASONS));
                } else {
                    cancelUnpaid(plan, life, expires, null, "reservation expired");
                }
                return life;
            }
        }
        at = at.plusSeconds(context.between(30, 5 * 60));
        life.gatewayPaymentId = gatewayId(context, "pay_");
        life.paidAt = at;
        move(plan, life, OrderStatus.PAID, at, null, "payment " + life.gatewayPaymentId);
        Instant packAt = at.plusSeconds(context.between(2 * 3600, 30 * 3600));
        if (course == Course.CANCELLED_AFTER_PAYMENT) {
            Instant cancelAt = at.plusSeconds(context.between(600, Duration.between(at, packAt).toSeconds()));
            if (!cancelAt.isBefore(StepContext.AS_OF)) {
                return life;
            }
            move(plan, life, OrderStatus.CANCELLED, cancelAt, accountId, context.pick(CANCEL_REASONS));
            life.cancelledAt = cancelAt;
            life.restockedAt = cancelAt;
            life.restockReason = "order " + number + " cancelled";
            life.owedPaise = total;
            refund(context, plan, life, owedRefundPaidAt(cancelAt, context.between(30, 1800)), total,
                    number + "/refund-1");
            return life;
        }
        if (!packAt.isBefore(StepContext.AS_OF)) {
            return life;
        }
        move(plan, life, OrderStatus.PACKED, packAt, staff(context.data, number), null);
        Instant shipAt = packAt.plusSeconds(context.between(3 * 3600, 24 * 3600));
        if (!shipAt.isBefore(StepContext.AS_OF)) {
            return life;
        }
        life.carrier = context.pick(CARRIERS);
        life.trackingNumber = "%s%010d".formatted(life.carrier.substring(0, 2).toUpperCase(),
                context.between(0, 9_999_999_999L));
        move(plan, life, OrderStatus.SHIPPED, shipAt, staff(context.data, number), life.carrier + " " + life.trackingNumber);
        Instant deliverAt = shipAt.plusSeconds(context.between(12 * 3600, 5 * 24 * 3600));
        if (!deliverAt.isBefore(StepContext.AS_OF)) {
            return life;
        }
        move(plan, life, OrderStatus.DELIVERED, deliverAt, staff(context.data, number), null);
        life.deliveredAt = deliverAt;
        if (course == Course.RETURNED) {
            Instant askAt = deliverAt.plusSeconds(context.between(3600, 6 * 24 * 3600));
            if (!askAt.isBefore(StepContext.AS_OF)) {
                return life;
            }
            move(plan, life, OrderStatus.RETURN_REQUESTED, askAt, accountId, context.pick(RETURN_REASONS));
            Instant receiveAt = askAt.plusSeconds(context.between(2 * 24 * 3600, 6 * 24 * 3600));
            if (!receiveAt.isBefore(StepContext.AS_OF)) {
                return life;
            }
            move(plan, life, OrderStatus.RETURNED, receiveAt, staff(context.data, number), "goods received back");
            life.restockedAt = receiveAt;
            life.restockReason = "return of order " + number;
            life.owedPaise = total;
            refund(context, plan, life, owedRefundPaidAt(receiveAt, context.between(600, 2 * 24 * 3600)), total,
                    number + "/refund-1");
        } else if (course == Course.PARTLY_REFUNDED) {
            long amount = Math.max(100, total * context.between(10, 30) / 100 / 100 * 100);
            refund(context, plan, life, deliverAt.plusSeconds(context.between(24 * 3600, 10 * 24 * 3600)), amount,
                    "staff:" + gatewayId(context, ""));
        }
        return life;
    }

    private void cancelUnpaid(Planned plan, Life life, Instant at, Long actorId, String reason) {
        move(plan, life, OrderStatus.CANCELLED, at, actorId, reason);
        life.cancelledAt = at;
        life.releasedAt = at;
    }

    /**
     * When a refund the shop came to owe at {@code owedFrom} was paid: after its delay, but always
     * before the generator's day. The shop's owed-refunds job pays within a minute of starting, so
     * generated data holds no refund still owed; one would be asked of the gateway, which never saw
     * the generated payment, refused, and asked again on every run of the job.
     */
    static Instant owedRefundPaidAt(Instant owedFrom, long delaySeconds) {
        Instant wanted = owedFrom.plusSeconds(delaySeconds);
        return wanted.isBefore(StepContext.AS_OF) ? wanted
                : owedFrom.plus(Duration.between(owedFrom, StepContext.AS_OF).dividedBy(2));
    }

    /** The gateway refunded {@code amount}: the order follows as {@code Order.refunded} moves it. */
    private void refund(StepContext context, Planned plan, Life life, Instant at, long amount, String key) {
        if (!at.isBefore(StepContext.AS_OF)) {
            return; // a refund staff will give after the generator's day
        }
        life.refunds.add(new GeneratedData.Refund(amount, at, gatewayId(context, "rfnd_"), key));
        life.owedPaise = Math.max(0, life.owedPaise - amount);
        move(plan, life, life.refundedPaise() == life.totalPaise ? OrderStatus.REFUNDED
                : OrderStatus.PARTIALLY_REFUNDED, at, null, "refunded " + Money.ofPaise(amount));
    }

    /** The staff account that moves this order (the same one throughout, so a desk "owns" an order). */
    static Long staff(GeneratedData data, String number) {
        List<Long> staff = data.staffAccountIds;
        return staff.isEmpty() ? null : staff.get(Math.floorMod(number.hashCode(), staff.size()));
    }

    private static void move(Planned plan, Life life, OrderStatus next, Instant at, Long actorId, String note) {
        if (!life.status.mayBecome(next)) {
            throw new IllegalStateException(life.status + " may not become " + next);
        }
        plan.history.add(new Change(life.status, next, at, actorId, note));
        life.status = next;
    }

    private static Course course(StepContext context) {
        int roll = context.random.nextInt(1000);
        return roll < 20 ? Course.EXPIRES_UNPAID
                : roll < 45 ? Course.FAILS_THEN_CANCELLED
                : roll < 75 ? Course.FAILS_THEN_PAID
                : roll < 95 ? Course.CANCELLED_AFTER_PAYMENT
                : roll < 115 ? Course.RETURNED
                : roll < 130 ? Course.PARTLY_REFUNDED : Course.DELIVERED;
    }

    /**
     * A moment in the year before the generator's day, more often recent (the shop grows), in
     * business hours in India (8:00 to 21:00).
     */
    private static Instant placingTime(StepContext context) {
        LocalDate today = LocalDate.ofInstant(StepContext.AS_OF, IST);
        long daysBack = 1 + (long) (DAYS * Math.pow(context.random.nextDouble(), 1.3));
        LocalDateTime at = today.minusDays(Math.min(DAYS, daysBack)).atTime(8, 0)
                .plusSeconds(context.between(0, 13 * 3600 - 1));
        return at.atZone(IST).toInstant();
    }

    /** An index from 0 to {@code size - 1}, small ones far more often the higher {@code power} is. */
    private static int skewed(StepContext context, int size, int power) {
        return (int) Math.min(size - 1, Math.floor(size * Math.pow(context.random.nextDouble(), power)));
    }

    /**
     * A quantity the product allows (its minimum, then whole steps, at most its maximum): mostly
     * near the minimum, sometimes a site's worth.
     */
    private static long quantity(StepContext context, GeneratedData.Product product) {
        long steps = (long) Math.floor(40 * Math.pow(context.random.nextDouble(), 3));
        long quantity = product.minimumOrder() + steps * product.orderStep();
        if (product.maximumOrder() > 0 && quantity > product.maximumOrder()) {
            quantity = product.minimumOrder() + (product.maximumOrder() - product.minimumOrder())
                    / product.orderStep() * product.orderStep();
        }
        return quantity;
    }

    private boolean served(GeneratedData.Address address) {
        return deliveryCharges.zoneFor(address.pinCode()).isPresent();
    }

    /** {@code BN-261031-7K3QX9AB}: as the ordering module numbers orders, from the step's random numbers. */
    private String orderNumber(StepContext context, LocalDate day) {
        StringBuilder number = new StringBuilder(ordering.invoicePrefix()).append('-')
                .append("%02d%02d%02d".formatted(day.getYear() % 100, day.getMonthValue(), day.getDayOfMonth()))
                .append('-');
        for (int i = 0; i < 8; i++) {
            number.append(NUMBER_ALPHABET.charAt(context.random.nextInt(NUMBER_ALPHABET.length())));
        }
        return number.toString();
    }

    /** A gateway id in Razorpay's shape: a prefix and 14 letters or digits. */
    static String gatewayId(StepContext context, String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 14; i++) {
            id.append(ID_ALPHABET.charAt(context.random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /**
     * Invoice numbers of the paid orders, consecutive per financial year in order of payment, after
     * those the database already issued; the year's counters are left at the last number used.
     */
    private void assignInvoiceNumbers(StepContext context, List<Planned> planned) throws SQLException {
        Map<String, Long> last = new HashMap<>();
        try (Statement statement = context.connection().createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT financial_year, last_number FROM ordering_invoice_sequence")) {
            while (rows.next()) {
                last.put(rows.getString(1), rows.getLong(2));
            }
        }
        Set<String> existing = new HashSet<>(last.keySet());
        List<Planned> paid = new ArrayList<>(planned.stream().filter(order -> order.paidAt != null).toList());
        paid.sort(Comparator.comparing((Planned order) -> order.paidAt));
        for (Planned order : paid) {
            LocalDate day = LocalDate.ofInstant(order.paidAt, IST);
            FinancialYear year = FinancialYear.containing(day);
            long number = last.merge(year.label(), 1L, Long::sum);
            order.invoiceNumber = ordering.invoicePrefix() + "/" + year.shortLabel() + "/" + "%06d".formatted(number);
            order.invoicedOn = day;
        }
        try (var update = context.connection().prepareStatement(
                "UPDATE ordering_invoice_sequence SET last_number = ? WHERE financial_year = ?");
                BatchInsert insert = context.insert("ordering_invoice_sequence", "financial_year", "last_number")) {
            for (Map.Entry<String, Long> year : last.entrySet()) {
                if (existing.contains(year.getKey())) {
                    update.setLong(1, year.getValue());
                    update.setString(2, year.getKey());
                    update.executeUpdate();
                } else {
                    insert.add(year.getKey(), year.getValue());
                }
            }
        }
    }

    private static List<GstRate> gstRates(StepContext context) throws SQLException {
        List<GstRate> rates = new ArrayList<>();
        try (Statement statement = context.connection().createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT hsn, rate, effective_from, effective_to FROM catalog_gst_rate")) {
            while (rows.next()) {
                rates.add(new GstRate(rows.getString(1), rows.getBigDecimal(2), rows.getObject(3, LocalDate.class),
                        rows.getObject(4, LocalDate.class)));
            }
        }
        return rates;
    }

    /** The catalogue's rule: the longest HSN prefix with a rate in force on the day. */
    private static BigDecimal rate(List<GstRate> rates, String hsn, LocalDate day) {
        GstRate best = null;
        for (GstRate rate : rates) {
            if (hsn.startsWith(rate.hsn()) && !day.isBefore(rate.from()) && (rate.to() == null || !day.isAfter(rate.to()))
                    && (best == null || rate.hsn().length() > best.hsn().length())) {
                best = rate;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no GST rate for HSN " + hsn + " on " + day);
        }
        return best.rate();
    }

    private static <T> List<T> shuffled(StepContext context, List<T> items) {
        List<T> list = new ArrayList<>(items);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = context.random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
        return list;
    }
}
