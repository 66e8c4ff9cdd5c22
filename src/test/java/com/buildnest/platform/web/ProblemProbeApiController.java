package com.buildnest.platform.web;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.shared.BusinessRuleViolation;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Test-only endpoints that fail in each way a real controller can, so the error contract is
 * proved once for every kind of failure rather than rediscovered by each module.
 */
@Hidden
@RestController
class ProblemProbeApiController {

    private final JdbcClient jdbc;

    ProblemProbeApiController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Order(@NotBlank String sku, @Min(1) int quantity) {
    }

    @PostMapping("/api/probe/orders")
    Order accept(@Valid @RequestBody Order order) {
        return order;
    }

    @GetMapping("/api/probe/sold-out")
    void soldOut() {
        throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "inventory.insufficient-stock",
                "Only 3 bags are left.");
    }

    @GetMapping("/api/probe/bug")
    void bug() {
        throw new IllegalStateException("secret internal detail at com.buildnest.Somewhere");
    }

    @GetMapping("/api/probe/concurrent-change")
    void concurrentChange() {
        throw new ObjectOptimisticLockingFailureException("Order", 42L);
    }

    @GetMapping("/api/probe/database-lost")
    void databaseLost() {
        throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction");
    }

    /** One statement on a connection of the application's own pool. */
    @GetMapping("/api/probe/database-read")
    Map<String, Integer> databaseRead() {
        return Map.of("one", jdbc.sql("select 1").query(Integer.class).single());
    }
}
