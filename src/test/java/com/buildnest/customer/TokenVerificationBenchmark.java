package com.buildnest.customer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What checking a bearer token costs a request: parsing, the HS512 signature by the key ring's
 * key, and every claim validator BuildNest runs (target: under 0.2 ms). Run with ops/bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerificationBenchmark {

    private JwtDecoder decoder;
    private String token;

    @Setup
    public void issueAToken() throws Exception {
        Path keys = Files.createTempDirectory("bench-keys");
        CustomerProperties properties = Binder.get(new MockEnvironment())
                .bindOrCreate("buildnest.customer", CustomerProperties.class);
        Clock clock = Clock.systemUTC();
        KeyRing ring = new KeyRing(new SigningKeySource(null, null, keys.resolve("jwt")), clock,
                properties.jwt().rotationGrace());
        decoder = new TokenConfiguration().jwtDecoder(ring, properties, clock);
        token = new AccessTokenIssuer(ring, properties, clock).issue(42L, EnumSet.of(Role.CUSTOMER, Role.STAFF));
    }

    @Benchmark
    public Jwt verifyAccessToken() {
        return decoder.decode(token);
    }
}
