package com.buildnest.customer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetSequenceKey;

/**
 * The HS512 secret that signs access tokens, with a key id ({@code kid}) derived from it so that
 * every replica holding the same secret names it the same way, without the id revealing anything.
 */
record SigningKey(String keyId, SecretKey secret) {

    static final int MINIMUM_BYTES = 64; // 512 bits: the HS512 block size, as RFC 7518 asks
    static final String ALGORITHM = "HmacSHA512";

    static SigningKey fromBase64(String encoded) {
        byte[] bytes = decode(encoded);
        if (bytes.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("the JWT secret has " + bytes.length * 8 + " bits; at least "
                    + MINIMUM_BYTES * 8 + " are required");
        }
        return new SigningKey(keyIdOf(bytes), new SecretKeySpec(bytes, ALGORITHM));
    }

    static byte[] decode(String encoded) {
        return Base64.getMimeDecoder().decode(encoded.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The development key of the embedded default: generated once into {@code file} (readable by
     * the owner only) and read back on every later start, so tokens survive a restart.
     */
    static SigningKey developmentKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[MINIMUM_BYTES];
            new SecureRandom().nextBytes(bytes);
            OwnerOnlyFiles.createIfAbsent(file, Base64.getEncoder().encodeToString(bytes));
        }
        return fromBase64(Files.readString(file));
    }

    private static String keyIdOf(byte[] secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The key as a JSON Web Key for Nimbus, pinned to HS512. */
    OctetSequenceKey jwk() {
        return new OctetSequenceKey.Builder(secret).keyID(keyId).algorithm(JWSAlgorithm.HS512).build();
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]"; // never the secret
    }
}
