package com.buildnest.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs calls at the same moment, one thread each, as racing clients would. */
public final class AtOnce {

    private AtOnce() {
    }

    /** The results of {@code calls}, in their order, once all have finished. */
    public static <T> List<T> run(List<Callable<T>> calls) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
