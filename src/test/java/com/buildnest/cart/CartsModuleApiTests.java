package com.buildnest.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.cart.CartFixtures.Caller;
import com.buildnest.cart.CartFixtures.Product;
import com.buildnest.cart.Carts.CheckoutCart;
import com.buildnest.cart.Carts.CheckoutLine;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

/** What checkout and the scheduler get from the cart module, and what reading a cart costs. */
@BuildNestTest
class CartsModuleApiTests extends ShopTestSupport {

    @Autowired
    Carts carts;

    @Autowired
    IdleGuestCartPurge purge;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void checkoutTakesASnapshotAndEndsTheCartOnlyIfItIsUnchanged() {
        Product cement = shop.cement(100);
        Product steel = shop.steel(10_000);
        long account = tokens.newCustomer();
        Caller customer = Caller.customer(api, tokens.validFor(account));
        assertThat(carts.forCheckout(account)).isEmpty();
        customer.add(cement.id(), 3);
        customer.add(steel.id(), 500);

        CheckoutCart snapshot = carts.forCheckout(account).orElseThrow();
        assertThat(snapshot.lines()).containsExactly(new CheckoutLine(cement.id(), 3),
                new CheckoutLine(steel.id(), 500));
        assertThat(snapshot.version()).isEqualTo(1);

        customer.add(cement.id(), 1); // another tab, after the snapshot
        assertThat(carts.checkedOut(account, snapshot.cartId(), snapshot.version())).isFalse();
        assertThat(customer.cart().json().get("items")).hasSize(2);

        CheckoutCart current = carts.forCheckout(account).orElseThrow();
        assertThat(carts.checkedOut(account + 1, current.cartId(), current.version())).isFalse();
        assertThat(carts.checkedOut(account, current.cartId(), current.version())).isTrue();
        assertThat(customer.cart().json().get("items")).isEmpty();
        assertThat(customer.cart().json().get("version").asLong()).as("a new cart: the old one went with the order")
                .isZero();
        assertThat(carts.forCheckout(account)).isEmpty();
    }

    @Test
    void guestCartsIdleForThirtyDaysArePurgedAndOthersKept() {
        Product cement = shop.cement(100);
        long idleGuest = guestCart(cement);
        long recentGuest = guestCart(cement);
        long account = tokens.newCustomer();
        long customerCart = Caller.customer(api, tokens.validFor(account)).add(cement.id(), 1).json().get("id")
                .asLong();
        Instant longAgo = Instant.now().minus(Duration.ofDays(31));
        for (long id : new long[] { idleGuest, customerCart }) {
            jdbc.sql("update cart set last_activity_at = ? where id = ?").param(Timestamp.from(longAgo)).param(id).update();
        }
        jdbc.sql("update cart set last_activity_at = ? where id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofDays(29)))).param(recentGuest).update();

        purge.purge();

        assertThat(cartsWithId(idleGuest)).isZero();
        assertThat(jdbc.sql("select count(*) from cart_item where cart_id = ?").param(idleGuest).query(Long.class)
                .single()).isZero();
        assertThat(cartsWithId(recentGuest)).isOne();
        assertThat(cartsWithId(customerCart)).isOne();
    }

    @Test
    void readingACartCostsTheSameFewStatementsForOneLineOrTwenty() {
        Caller small = newCustomer();
        small.add(shop.cement(100).id(), 1);
        Caller large = newCustomer();
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            products.add(shop.cement(100));
        }
        products.forEach(product -> large.add(product.id(), 1));
        assertThat(large.cart().json().get("items")).hasSize(20);

        long one = fewestStatements(small::cart);
        long twenty = fewestStatements(large::cart);

        assertThat(twenty).isEqualTo(one).isLessThanOrEqualTo(6);
        assertThat(fewestStatements(() -> large.add(products.get(0).id(), 1))).isLessThanOrEqualTo(9);
    }

    /** The fewest statements of three runs, so a background job's statement cannot inflate the count. */
    private long fewestStatements(Supplier<Response> call) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = statistics.getPrepareStatementCount();
            Response response = call.get();
            assertThat(response.status()).as(response.body()).isLessThan(300);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    private long guestCart(Product product) {
        return Caller.guest(api).add(product.id(), 1).json().get("id").asLong();
    }

    private long cartsWithId(long id) {
        return jdbc.sql("select count(*) from cart where id = ?").param(id).query(Long.class).single();
    }
}
