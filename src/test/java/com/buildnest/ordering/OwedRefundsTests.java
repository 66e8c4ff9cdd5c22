package com.buildnest.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.inventory.Inventory;
import com.buildnest.ordering.PurchaseFixtures.Buyer;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A refund the shop owes and the gateway will not take: operators see how many customers wait
 * and for how long (the gauges behind the alert BuildNestRefundsOwedTooLong), and the log says it
 * once an hour rather than on every run of the job that keeps asking.
 */
@BuildNestTest
@ExtendWith(OutputCaptureExtension.class)
class OwedRefundsTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OwedRefundsGauge gauge;

    @Autowired
    Refunds refunds;

    @Autowired
    MeterRegistry meters;

    String orderNumber;

    /** An order owing a refund for two hours whose payment the gateway never captured, so it refuses. */
    @BeforeEach
    void anOrderOwingARefundTheGatewayRefuses() {
        PurchaseFixtures purchase = new PurchaseFixtures(api, tokens, inventory, jdbc);
        Buyer buyer = purchase.buyer("KA", "560102");
        orderNumber = purchase.placedOrder(buyer, purchase.product(100), 10);
        jdbc.sql("UPDATE ordering_order SET refund_owed_paise = 12345, updated_at = ? WHERE order_number = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(2))), orderNumber).update();
    }

    @AfterEach
    void nothingOwedAnyMore() {
        jdbc.sql("UPDATE ordering_order SET refund_owed_paise = 0 WHERE order_number = ?").param(orderNumber).update();
    }

    @Test
    void operatorsSeeHowManyCustomersWaitForARefundAndTheLongestWait() {
        gauge.refresh();
        double owing = meters.get(OwedRefundsGauge.ORDERS).gauge().value();
        assertThat(owing).isGreaterThanOrEqualTo(1);
        assertThat(meters.get(OwedRefundsGauge.OLDEST_AGE).gauge().value())
                .isGreaterThanOrEqualTo(Duration.ofHours(2).minusMinutes(1).toSeconds());
        assertThat(api.get("/actuator/prometheus").body()).contains("# TYPE buildnest_refunds_owed_oldest_age_seconds gauge",
                "# TYPE buildnest_refunds_owed_orders gauge");

        jdbc.sql("UPDATE ordering_order SET refund_owed_paise = 0 WHERE order_number = ?").param(orderNumber).update();
        gauge.refresh();

        assertThat(meters.get(OwedRefundsGauge.ORDERS).gauge().value()).isEqualTo(owing - 1);
    }

    @Test
    void aRefusedRefundIsAskedForAgainButLoggedOnceAnHour(CapturedOutput output) {
        assertThat(refunds.payOwed(orderNumber)).as("refused: still owed").isFalse();
        assertThat(refunds.payOwed(orderNumber)).isFalse();
        assertThat(refunds.payOwed(orderNumber)).isFalse();

        assertThat(output.getAll().lines().filter(line -> line.contains("for order " + orderNumber + " was refused")))
                .hasSize(1);
    }
}
