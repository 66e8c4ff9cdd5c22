package com.buildnest.platform.throttle;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Test-only endpoints that use the throttling API as a module's controller would, against the
 * {@code test-probe} limit of the test configuration (2 attempts per hour).
 */
@Hidden
@RestController
class ThrottleProbeApiController {

    private final Throttles throttles;
    private final ClientAddress clientAddress;

    ThrottleProbeApiController(Throttles throttles, ClientAddress clientAddress) {
        this.throttles = throttles;
        this.clientAddress = clientAddress;
    }

    @GetMapping("/api/probe/throttled/{key}")
    String attempt(@PathVariable String key) {
        throttles.consume("test-probe", key);
        return "allowed";
    }

    @GetMapping("/api/probe/client-address")
    String clientAddress(HttpServletRequest request) {
        return clientAddress.of(request);
    }
}
