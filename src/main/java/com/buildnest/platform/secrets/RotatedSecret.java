package com.buildnest.platform.secrets;

/**
 * The secrets BuildNest rotates on a schedule, each named by its metric tag and by the mounted
 * file whose change is the rotation (certificates renew themselves through cert-manager and are
 * not here).
 */
public enum RotatedSecret {

    JWT("jwt", "buildnest.customer.jwt.secret"),
    DATABASE("database", "spring.datasource.password"),
    REDIS("redis", "spring.data.redis.password"),
    RAZORPAY("razorpay", "buildnest.payment.razorpay.key-secret");

    private final String tag;
    private final String file;

    RotatedSecret(String tag, String file) {
        this.tag = tag;
        this.file = file;
    }

    /** The {@code secret} tag of its metrics and the suffix of its rotation record. */
    public String tag() {
        return tag;
    }

    /** The secrets-directory file that holds it. */
    public String file() {
        return file;
    }
}
