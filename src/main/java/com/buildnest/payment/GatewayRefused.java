package com.buildnest.payment;

/**
 * The gateway understood a request and said no (HTTP 4xx other than a credentials or rate
 * problem): an unknown payment, a refund larger than what is left. Retrying will not help. The
 * message is the gateway's own description.
 */
class GatewayRefused extends RuntimeException {

    GatewayRefused(String description) {
        super(description);
    }
}
