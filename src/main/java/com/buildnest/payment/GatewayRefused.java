package com.buildnest.payment;

/**
 * The gateway understood a request and said no (HTTP 4xx other than a credentials or rate
 * problem): an unknown payment, a refund larger than what is left. Retrying will not help.
 */
class GatewayRefused extends RuntimeException {

    private final int status;

    GatewayRefused(int status, String description) {
        super(description);
        this.status = status;
    }

    boolean notFound() {
        return status == 404;
    }
}
