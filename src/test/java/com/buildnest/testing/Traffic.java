package com.buildnest.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that keep making the same request in a loop, each on its own thread, while a test
 * rotates a secret underneath: counts what succeeded and keeps every failure.
 */
public final class Traffic implements AutoCloseable {

    /** One request; throwing is a failure. */
    public interface Request {
        void make() throws Exception;
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong successes = new AtomicLong();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final ExecutorService clients;

    private Traffic(int clientCount, Request request) {
        clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        request.make();
                        successes.incrementAndGet();
                    } catch (Exception | AssertionError failure) {
                        failures.add(failure);
                    }
                }
            });
        }
    }

    public static Traffic start(int clientCount, Request request) {
        return new Traffic(clientCount, request);
    }

    public long successes() {
        return successes.get();
    }

    public List<Throwable> failures() {
        return failures;
    }

    /** Each failure's innermost cause, for an assertion message. */
    public List<String> failureCauses() {
        return failures.stream().map(failure -> {
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause.toString();
        }).toList();
    }

    /** Waits (at most 30 s) until this many requests have succeeded in all. */
    public void awaitSuccesses(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (successes.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + successes.get() + " of " + count + " requests succeeded in 30 s; "
                        + failures.size() + " failed");
            }
            Thread.sleep(20);
        }
    }

    /** Stops the clients and waits for the requests in flight. */
    public void stop() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("requests still running 30 s after the stop");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running.get()) {
            stop();
        }
    }
}
