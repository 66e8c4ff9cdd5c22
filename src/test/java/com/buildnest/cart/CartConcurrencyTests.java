package com.buildnest.cart;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import com.buildnest.cart.CartFixtures.Caller;
import com.buildnest.cart.CartFixtures.Product;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.AtOnce;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** Two tabs editing one cart: stale versions are refused, simultaneous adds are both kept. */
@BuildNestTest
class CartConcurrencyTests extends ShopTestSupport {

    static final int TABS = 6;

    @Test
    void everyChangeMovesTheVersionAndAChangeMadeAgainstAnOlderVersionIsRefused() {
        Product cement = shop.cement(100);
        Product steel = shop.steel(10_000);
        Caller customer = newCustomer();
        Response first = customer.add(cement.id(), 1);
        String seen = first.header("ETag");
        Response second = customer.add(cement.id(), 1, seen);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("ETag")).isNotEqualTo(seen);
        JsonNode before = customer.cart().json();

        assertProblem(customer.add(steel.id(), 500, seen), 409, "cart.version-conflict");
        long line = before.get("items").get(0).get("itemId").asLong();
        assertProblem(customer.remove(line, seen), 409, "cart.version-conflict");
        assertProblem(customer.remove(line, "\"not-a-version\""), 409, "cart.version-conflict");

        assertThat(customer.cart().json()).isEqualTo(before);
        assertThat(customer.remove(line, second.header("ETag")).status()).isEqualTo(200);
    }

    @Test
    void tabsCreatingTheCartWithDifferentProductsAtTheSameMomentAllKeepTheirLines() throws Exception {
        Caller customer = newCustomer();
        List<Product> products = productsInStock(TABS);

        addAllAtOnce(customer, products);

        assertCartHoldsTwoOfEach(customer, products, TABS - 1);
    }

    @Test
    void tabsAddingToAnExistingCartAtTheSameMomentAllKeepTheirLines() throws Exception {
        Caller customer = newCustomer();
        List<Product> products = productsInStock(TABS + 1);
        customer.add(products.get(0).id(), 2);

        addAllAtOnce(customer, products.subList(1, products.size()));

        assertCartHoldsTwoOfEach(customer, products, TABS);
    }

    @Test
    void manyShoppersStartingTheirCartsAtTheSameMomentAllSucceedTheFirstTime() throws Exception {
        Product cement = shop.cement(1_000);
        List<Caller> shoppers = new ArrayList<>();
        for (int i = 0; i < 3 * TABS; i++) {
            shoppers.add(newCustomer());
        }
        long deadlocksBefore = deadlocks();

        allAnswerCreated(shoppers.stream().<Callable<Response>>map(shopper -> () -> shopper.add(cement.id(), 1)).toList());

        assertThat(deadlocks()).as("carts created side by side lock only their own rows").isEqualTo(deadlocksBefore);
    }

    /** Deadlocks InnoDB has detected so far (MariaDB and MySQL); H2 has no such counter, nor gap locks: 0. */
    private long deadlocks() {
        return jdbc.sql("select 1").query((row, n) -> row.getStatement().getConnection().getMetaData()
                .getDatabaseProductName()).single().matches("(?i)mariadb|mysql")
                        ? jdbc.sql("show global status like 'Innodb_deadlocks'").query((row, n) -> row.getLong(2)).single()
                        : 0;
    }

    private List<Product> productsInStock(int count) {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            products.add(shop.cement(100));
        }
        return products;
    }

    private void addAllAtOnce(Caller customer, List<Product> products) throws Exception {
        allAnswerCreated(products.stream().<Callable<Response>>map(product -> () -> customer.add(product.id(), 2)).toList());
    }

    private static void allAnswerCreated(List<Callable<Response>> adds) throws Exception {
        for (Response response : AtOnce.run(adds)) {
            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }
    }

    private static void assertCartHoldsTwoOfEach(Caller customer, List<Product> products, long version) {
        JsonNode cart = customer.cart().json();
        assertThat(cart.get("items")).extracting(line -> line.get("productId").asLong())
                .containsExactlyInAnyOrderElementsOf(products.stream().map(Product::id).toList());
        assertThat(cart.get("items")).allSatisfy(line -> assertThat(line.get("quantity").asLong()).isEqualTo(2));
        assertThat(cart.get("version").asLong()).isEqualTo(version);
    }
}
