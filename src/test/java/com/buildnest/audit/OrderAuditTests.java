package com.buildnest.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** Every move of an order is one line of the audit log, naming who made it: the customer, staff or the system. */
@BuildNestTest
class OrderAuditTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachMoveOfAnOrderIsAuditedOnceWithItsActor() {
        PurchaseFixtures purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        long cement = purchase.product(10);
        Buyer buyer = purchase.buyer("KA", "560102");
        String orderNumber = purchase.paidOrder(buyer, cement, 2);
        purchase.fulfil(orderNumber, "pack");

        purchase.fulfil(orderNumber, "ship");

        List<JsonNode> lines = auditOf(buyer.accountId());
        assertThat(lines).extracting(line -> line.get("action").asString()).containsExactly("order.shipped",
                "order.packed", "order.paid", "order.placed");
        JsonNode shipped = lines.get(0);
        assertThat(shipped.get("actorId").asLong()).isEqualTo(purchase.staffId());
        assertThat(shipped.get("detail").asString()).isEqualTo("order=" + orderNumber
                + " from=PACKED to=SHIPPED by=staff");
        JsonNode paid = lines.get(2);
        assertThat(paid.get("actorId").isNull()).isTrue();
        assertThat(paid.get("detail").asString()).startsWith("order=" + orderNumber
                + " from=PENDING_PAYMENT to=PAID by=system note=payment pay_");
        JsonNode placed = lines.get(3);
        assertThat(placed.get("actorId").asLong()).isEqualTo(buyer.accountId());
        assertThat(placed.get("detail").asString()).isEqualTo("order=" + orderNumber
                + " from=null to=PENDING_PAYMENT by=customer");
    }

    @Test
    void aCustomersCancellationIsAuditedAsTheirs() {
        PurchaseFixtures purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        long cement = purchase.product(10);
        Buyer buyer = purchase.buyer("KA", "560102");
        String orderNumber = purchase.placedOrder(buyer, cement, 1);

        api.postJson("/api/orders/" + orderNumber + "/cancel", "{\"reason\": \"found it cheaper\"}", buyer.token());

        JsonNode cancelled = auditOf(buyer.accountId()).get(0);
        assertThat(cancelled.get("action").asString()).isEqualTo("order.cancelled");
        assertThat(cancelled.get("actorId").asLong()).isEqualTo(buyer.accountId());
        assertThat(cancelled.get("detail").asString()).isEqualTo("order=" + orderNumber
                + " from=PENDING_PAYMENT to=CANCELLED by=customer note=found it cheaper");
    }

    private List<JsonNode> auditOf(long accountId) {
        String admin = tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.ADMIN);
        return api.get("/api/admin/audit?accountId=" + accountId, admin).json().get("content").valueStream()
                .toList();
    }
}
