package com.buildnest.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.Browser;

/** Customers signed up through the pages, whom the API's purchase fixtures can then buy for. */
final class Shoppers {

    private Shoppers() {
    }

    /** Signs a new customer up in the browser and gives the API fixtures the same account, with an address. */
    static Buyer signedUp(Browser browser, ApiClient api, AccessTokens tokens, JdbcClient jdbc) {
        String name = ShopperSteps.guestSignsUp(browser);
        long accountId = jdbc.sql("select id from customer_account where username = ?").param(name)
                .query(Long.class).single();
        String token = tokens.validFor(accountId, Role.CUSTOMER);
        Response address = api.postJson("/api/me/addresses", """
                {"label": "Site", "recipientName": "Ravi Kumar", "phone": "+919845012345",
                 "line1": "Plot 12, 4th Cross", "city": "Bengaluru", "state": "KA", "pinCode": "560102"}""", token);
        assertThat(address.status()).as(address.body()).isEqualTo(201);
        return new Buyer(accountId, token, address.json().get("id").asLong());
    }
}
