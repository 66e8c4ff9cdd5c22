package com.buildnest.cart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret a guest holds for their cart: 256 random bits, URL-safe Base64 (43 characters). Only
 * its SHA-256 is stored, so a copy of the database cannot be used to take over guest carts.
 */
record GuestToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    static GuestToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new GuestToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token a client sent, if it has the shape of one; anything else names no cart. */
    static Optional<GuestToken> parse(String value) {
        return value != null && SHAPE.matcher(value).matches() ? Optional.of(new GuestToken(value))
                : Optional.empty();
    }

    String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return "GuestToken[…]";
    }
}
