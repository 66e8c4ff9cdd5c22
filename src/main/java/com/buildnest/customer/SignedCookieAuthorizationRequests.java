package com.buildnest.customer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Keeps the pending OAuth2 authorization request (state, nonce, redirect) in a short-lived,
 * HttpOnly cookie signed with a key derived from the current signing key, instead of a server
 * session: the provider's callback may reach any replica. The cookie is checked before anything in
 * it is read, and only the request's own classes may be deserialised from it.
 */
final class SignedCookieAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "BUILDNEST_OAUTH2_REQUEST";
    private static final int MAX_AGE_SECONDS = 300;
    private static final byte[] PURPOSE = "buildnest oauth2 authorization request cookie".getBytes(StandardCharsets.UTF_8);
    private static final ObjectInputFilter ONLY_THE_REQUEST = ObjectInputFilter.Config.createFilter(
            "maxdepth=10;maxbytes=16384;org.springframework.security.oauth2.core.**;java.lang.*;java.util.*;"
                    + "java.time.*;java.net.URI;!*");

    private final KeyRing ring;

    SignedCookieAuthorizationRequests(KeyRing ring) {
        this.ring = ring;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        return read(request).orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            write(response, request, "", 0);
            return;
        }
        SigningKey key = ring.current();
        byte[] payload = serialise(authorizationRequest);
        String value = key.keyId() + "." + encode(payload) + "." + encode(sign(key, payload));
        write(response, request, value, MAX_AGE_SECONDS);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
            HttpServletResponse response) {
        OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
        write(response, request, "", 0);
        return found;
    }

    private Optional<OAuth2AuthorizationRequest> read(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(cookie -> COOKIE.equals(cookie.getName())).findFirst()
                .flatMap(cookie -> verified(cookie.getValue()));
    }

    private Optional<OAuth2AuthorizationRequest> verified(String value) {
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            return ring.verificationKey(parts[0])
                    .filter(key -> MessageDigest.isEqual(sign(key, payload), signature))
                    .map(key -> deserialise(payload));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static void write(HttpServletResponse response, HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax"); // sent on the provider's top-level redirect back to us
        response.addCookie(cookie);
    }

    private static byte[] sign(SigningKey key, byte[] payload) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.secret().getEncoded(), "HmacSHA256"));
            byte[] cookieKey = derive.doFinal(PURPOSE);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cookieKey, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] serialise(OAuth2AuthorizationRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(request);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }

    private static OAuth2AuthorizationRequest deserialise(byte[] payload) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(ONLY_THE_REQUEST);
            return (OAuth2AuthorizationRequest) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException unreadable) {
            throw new IllegalArgumentException("not an authorization request", unreadable);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
