package com.buildnest.customer;

import java.util.List;

import org.springframework.core.env.Environment;

import com.buildnest.platform.startup.ProductionSettingsCheck;

/** Production needs a JWT signing secret of at least 512 bits, given as base64. */
class SigningKeySettingsCheck implements ProductionSettingsCheck {

    static final String KEY = "buildnest.customer.jwt.secret";

    @Override
    public List<String> problemsIn(Environment environment) {
        String secret = environment.getProperty(KEY);
        if (secret == null || secret.isBlank()) {
            return List.of(KEY + " (BUILDNEST_CUSTOMER_JWT_SECRET or the secret file " + KEY + ") is not set: "
                    + "generate one with `openssl rand -base64 64`.");
        }
        byte[] bytes;
        try {
            bytes = SigningKey.decode(secret);
        } catch (IllegalArgumentException notBase64) {
            return List.of(KEY + " is not base64: generate one with `openssl rand -base64 64`.");
        }
        if (bytes.length < SigningKey.MINIMUM_BYTES) {
            return List.of(KEY + " is " + bytes.length * 8 + " bits long; HS512 needs at least "
                    + SigningKey.MINIMUM_BYTES * 8 + " bits (`openssl rand -base64 64`).");
        }
        return List.of();
    }
}
