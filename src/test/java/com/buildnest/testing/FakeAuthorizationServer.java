package com.buildnest.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Google's OpenID Connect provider and GitHub's OAuth 2 API: authorize
 * (redirects straight back with a code, as after a user's consent), token (with a signed ID token
 * for the OIDC flow), user info, JWKS, and GitHub's user and e-mail lists. Tests choose the person
 * who "signs in" with {@link #nextPerson}.
 */
public final class FakeAuthorizationServer implements AutoCloseable {

    public static final String GOOGLE_ISSUER = "https://accounts.google.com";

    /** The person the provider vouches for on the next sign-in. */
    public record Person(String subject, String email, boolean emailVerified, String name, String login) {
    }

    private final HttpServer server;
    private final RSAKey signingKey;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Person> byAccessToken = new ConcurrentHashMap<>();
    private volatile Person next;

    private record Grant(Person person, String nonce, String clientId) {
    }

    public FakeAuthorizationServer() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("fake-google").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/userinfo", exchange -> respond(exchange, 200, userInfo(exchange, true)));
        server.createContext("/jwks", exchange -> respond(exchange, 200,
                new JWKSet(signingKey.toPublicJWK()).toString()));
        server.createContext("/user/emails", this::gitHubEmails);
        server.createContext("/user", exchange -> respond(exchange, 200, userInfo(exchange, false)));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void nextPerson(Person person) {
        this.next = person;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(next, query.get("nonce"), query.get("client_id")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = grants.remove(form.get("code"));
        if (grant == null) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String accessToken = "fake-" + UUID.randomUUID();
        byAccessToken.put(accessToken, grant.person());
        StringBuilder body = new StringBuilder("{\"access_token\":\"" + accessToken
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600");
        if (grant.nonce() != null) {
            body.append(",\"scope\":\"openid profile email\",\"id_token\":\"").append(idToken(grant)).append('"');
        } else {
            body.append(",\"scope\":\"read:user user:email\"");
        }
        respond(exchange, 200, body.append('}').toString());
    }

    private String idToken(Grant grant) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(GOOGLE_ISSUER).subject(grant.person().subject())
                    .audience(grant.clientId()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("nonce", grant.nonce()).claim("email", grant.person().email())
                    .claim("email_verified", grant.person().emailVerified()).claim("name", grant.person().name())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String userInfo(HttpExchange exchange, boolean oidc) {
        Person person = personOf(exchange);
        if (person == null) {
            return "{}";
        }
        return oidc
                ? "{\"sub\":\"%s\",\"email\":\"%s\",\"email_verified\":%s,\"name\":\"%s\"}".formatted(person.subject(),
                        person.email(), person.emailVerified(), person.name())
                : "{\"id\":%s,\"login\":\"%s\",\"name\":\"%s\",\"email\":null}".formatted(person.subject(),
                        person.login(), person.name());
    }

    private void gitHubEmails(HttpExchange exchange) throws IOException {
        Person person = personOf(exchange);
        respond(exchange, 200, person == null ? "[]"
                : "[{\"email\":\"other@example.org\",\"primary\":false,\"verified\":true},"
                        + "{\"email\":\"%s\",\"primary\":true,\"verified\":%s}]".formatted(person.email(),
                                person.emailVerified()));
    }

    private Person personOf(HttpExchange exchange) {
        List<String> authorization = exchange.getRequestHeaders().get("Authorization");
        return authorization == null ? null : byAccessToken.get(authorization.get(0).replace("Bearer ", ""));
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
