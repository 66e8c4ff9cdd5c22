package com.buildnest.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.cart.Carts.CheckoutCart;
import com.buildnest.cart.Carts.CheckoutLine;
import com.buildnest.cart.Carts;
import com.buildnest.catalog.ProductCatalog.Offer;
import com.buildnest.catalog.ProductCatalog.PriceQuote;
import com.buildnest.catalog.ProductCatalog;
import com.buildnest.customer.CustomerAddresses.PostalAddress;
import com.buildnest.customer.CustomerAddresses;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.TaxSplit.Supply;
import com.buildnest.payment.GatewayCheckout;
import com.buildnest.payment.Payments;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.IndianDay;
import com.buildnest.shared.Money;

/**
 * Turns a customer's cart into an order and starts its payment. In one transaction it re-prices
 * every line from the catalogue (never trusting a price the client saw), checks the PIN code is
 * served, charges delivery by weight and zone, splits GST by place of supply, reserves the stock
 * of every line (all or none), copies all of it onto the order and empties the cart. Only then,
 * outside any transaction, it creates the payment at the gateway, so a slow gateway never holds a
 * database lock. An {@code Idempotency-Key} makes a retried checkout return the first answer.
 */
@Service
public class Checkout {

    /** The stock stays reserved a little longer than the order waits, so the order's own expiry acts first. */
    static final Duration RESERVATION_GRACE = Duration.ofMinutes(10);
    static final int DEADLOCK_ATTEMPTS = 4;

    private final Carts carts;
    private final ProductCatalog catalog;
    private final CustomerAddresses addresses;
    private final Inventory inventory;
    private final Payments payments;
    private final OrderRepository orders;
    private final CheckoutRequestRepository requests;
    private final Orders lifecycle;
    private final OrderingProperties properties;
    private final DeliveryCharges delivery;
    private final OrderNumbers orderNumbers = new OrderNumbers();
    private final TransactionTemplate transaction;
    private final Clock clock;

    Checkout(Carts carts, ProductCatalog catalog, CustomerAddresses addresses, Inventory inventory, Payments payments,
            OrderRepository orders, CheckoutRequestRepository requests, Orders lifecycle,
            OrderingProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.addresses = addresses;
        this.inventory = inventory;
        this.payments = payments;
        this.orders = orders;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.delivery = new DeliveryCharges(properties.shipping());
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What the buyer asked for at checkout. */
    public record Request(long shippingAddressId, String billingGstin, String paymentMethod) {
    }

    /** The placed order and what the browser needs to pay it. */
    public record Placed(String orderNumber, OrderStatus status, OrderView.Totals totals, GatewayCheckout payment) {
    }

    /**
     * @param idempotencyKey the client's key for this checkout, or null; the same key and body replay
     *        the first answer, the same key with another body is refused
     */
    public Placed place(long accountId, Request request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return startPayment(retryingDeadlocks(() -> transaction.execute(tx -> {
                Instant now = clock.instant();
                return placeOrder(accountId, request, now, newOrderNumber(now));
            })), true);
        }
        String fingerprint = fingerprint(request);
        CheckoutRequest.Key key = new CheckoutRequest.Key(accountId, idempotencyKey);
        Optional<Unpaid> placed = placeOnce(key, request, fingerprint);
        if (placed.isPresent()) {
            return startPayment(placed.get(), true);
        }
        // a replay: the first request may have started the payment already
        return startPayment(unpaidOrder(requests.findById(key).orElseThrow(CheckoutRequest::inProgress)
                .replay(fingerprint)), false);
    }

    /** A placed order not yet paid: what starting its payment and answering the client need. */
    private record Unpaid(String orderNumber, long accountId, OrderView.Totals totals) {
    }

    private Unpaid unpaidOrder(String orderNumber) {
        Order order = orders.findByOrderNumber(orderNumber).orElseThrow();
        return new Unpaid(orderNumber, order.accountId(), OrderView.Totals.of(order));
    }

    /**
     * Places the order under a new idempotency key; empty when the key is already taken (by an
     * earlier request, or one racing this one), which is found out by inserting it, not by looking first.
     */
    private Optional<Unpaid> placeOnce(CheckoutRequest.Key key, Request request, String fingerprint) {
        try {
            return Optional.ofNullable(retryingDeadlocks(() -> transaction.execute(tx -> {
                Instant now = clock.instant();
                String orderNumber = newOrderNumber(now);
                // the order's number goes in with the key: nobody sees either before the order commits
                requests.saveAndFlush(new CheckoutRequest(key.accountId(), key.idempotencyKey(), fingerprint,
                        orderNumber, now));
                return placeOrder(key.accountId(), request, now, orderNumber);
            })));
        } catch (DataIntegrityViolationException taken) {
            return Optional.empty();
        }
    }

    /**
     * Runs the placing transaction again when the database picked it as a deadlock's victim (many
     * buyers of one product lock its stock row and the index gaps around their inserts in different
     * orders on MariaDB); it was rolled back whole, so running it again is safe. After the last
     * attempt the refusal reaches the client as 503 {@code platform.busy}.
     */
    private static <T> T retryingDeadlocks(Supplier<T> placing) {
        for (int attempt = 1;; attempt++) {
            try {
                return placing.get();
            } catch (PessimisticLockingFailureException victim) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw victim;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw victim;
                }
            }
        }
    }

    private String newOrderNumber(Instant now) {
        return orderNumbers.next(properties.invoicePrefix(), LocalDate.ofInstant(now, IndianDay.ZONE));
    }

    private Unpaid placeOrder(long accountId, Request request, Instant now, String orderNumber) {
        CheckoutCart cart = carts.forCheckout(accountId).orElseThrow(() -> BusinessRuleViolation.conflict(
                "checkout.cart-empty", "Your cart is empty."));
        PostalAddress address = addresses.addressOf(accountId, request.shippingAddressId())
                .orElseThrow(() -> BusinessRuleViolation.notFound("customer.address-not-found",
                        "No address " + request.shippingAddressId() + " in your address book."));
        String gstin = request.billingGstin() == null || request.billingGstin().isBlank() ? address.gstin()
                : addresses.validGstin(request.billingGstin(), "billingGstin");
        LocalDate today = LocalDate.ofInstant(now, IndianDay.ZONE);
        Supply supply = Supply.between(properties.seller().stateCode(), address.stateGstCode());
        Map<Long, Offer> offers = catalog.offers(cart.lines().stream().map(CheckoutLine::productId).toList(), today);
        List<OrderLine> lines = new ArrayList<>();
        List<Inventory.Line> stock = new ArrayList<>();
        long weightGrams = 0;
        for (CheckoutLine wanted : cart.lines()) {
            Offer offer = offers.get(wanted.productId());
            if (offer == null) {
                throw BusinessRuleViolation.conflict("checkout.product-unavailable", "A product in your cart (id "
                        + wanted.productId() + ") is no longer for sale. Remove it from your cart and check out again.");
            }
            PriceQuote quote = offer.quote(wanted.quantity()); // the catalogue's price today, never the client's
            lines.add(new OrderLine(quote.productId(), quote.sku(), offer.name(), quote.hsnCode(), quote.unit(),
                    quote.quantity(), quote.unitPrice(), quote.lineTotal(), quote.gstRate(), supply));
            stock.add(new Inventory.Line(quote.sku(), quote.quantity()));
            weightGrams = Math.addExact(weightGrams, offer.weightGramsOf(quote.quantity()));
        }
        Money deliveryCharge = delivery.chargeFor(address.pinCode(), weightGrams);
        Duration ttl = properties.reservationTtl();
        inventory.reserve(orderNumber, stock, ttl.plus(RESERVATION_GRACE));
        Order order = orders.save(new Order(orderNumber, accountId, lines,
                new DeliveryAddress(address.recipientName(), address.phone(), address.line1(), address.line2(),
                        address.landmark(), address.city(), address.stateGstCode(), address.stateName(),
                        address.pinCode()),
                properties.seller().stateCode(), gstin, weightGrams,
                TaxSplit.on(deliveryCharge, properties.shipping().gstRate(), supply), properties.shipping().sac(),
                now.plus(ttl), now));
        if (!carts.checkedOut(accountId, cart.cartId(), cart.version())) {
            throw BusinessRuleViolation.conflict("checkout.cart-changed",
                    "Your cart changed while you were checking out. Review it and check out again.");
        }
        lifecycle.published(order, null, accountId, null);
        return new Unpaid(orderNumber, accountId, OrderView.Totals.of(order));
    }

    /**
     * Creates (or finds again) the gateway's order outside any transaction, then notes it on the order.
     * A payment of an order placed by this very call cannot have been started yet: it is not looked
     * for, and the order notes its gateway order in the transaction that records the payment.
     */
    private Placed startPayment(Unpaid unpaid, boolean placedNow) {
        GatewayCheckout payment;
        if (placedNow) {
            payment = payments.startNew(unpaid.orderNumber(), unpaid.accountId(), unpaid.totals().total(),
                    started -> awaitPayment(unpaid.orderNumber(), started));
        } else {
            payment = payments.start(unpaid.orderNumber(), unpaid.accountId(), unpaid.totals().total());
            transaction.executeWithoutResult(tx -> awaitPayment(unpaid.orderNumber(), payment));
        }
        return new Placed(unpaid.orderNumber(), OrderStatus.PENDING_PAYMENT, unpaid.totals(), payment);
    }

    private void awaitPayment(String orderNumber, GatewayCheckout payment) {
        if (orders.awaitPayment(orderNumber, payment.gateway().name().toLowerCase(Locale.ROOT),
                payment.gatewayOrderId()) != 1) {
            throw new IllegalStateException(orderNumber + " awaits another gateway order");
        }
    }

    private static String fingerprint(Request request) {
        String canonical = request.shippingAddressId() + "|" + (request.billingGstin() == null ? ""
                : request.billingGstin().strip().toUpperCase()) + "|" + request.paymentMethod();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
