package com.buildnest.cart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.testing.ApiClient;

/**
 * What every cart test class needs: the API, tokens, inventory, the database, and a fresh little
 * shop per test whose products go off sale afterwards. Subclasses carry {@code @BuildNestTest}.
 */
abstract class ShopTestSupport {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    CartFixtures shop;

    @BeforeEach
    void openShop() {
        shop = new CartFixtures(api, tokens, inventory, jdbc);
    }

    @AfterEach
    void closeShop() {
        shop.takeAllOffSale();
    }

    /** A customer with a new account, calling with a valid token. */
    CartFixtures.Caller newCustomer() {
        return CartFixtures.Caller.customer(api, tokens.validFor(tokens.newCustomer()));
    }
}
