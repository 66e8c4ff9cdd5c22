package com.buildnest.customer;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one password hash a sign-in costs, at BuildNest's Argon2id settings (19 MiB, 2 iterations,
 * 1 lane): the price of a sign-in, and of each guess an attacker makes. Run with ops/bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordHashBenchmark {

    private PasswordEncoder encoder;
    private String hash;

    @Setup
    public void hashOnce() {
        encoder = new PasswordHashing().passwordEncoder();
        hash = encoder.encode("Ordered 40 bags of cement at dawn");
    }

    @Benchmark
    public boolean verifyPassword() {
        return encoder.matches("Ordered 40 bags of cement at dawn", hash);
    }
}
