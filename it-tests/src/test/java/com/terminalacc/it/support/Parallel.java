package com.terminalacc.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Fires requests at the same moment, one thread each, for the concurrency tests of the invariants. */
public final class Parallel {

    private Parallel() {
    }

    /** Runs both calls released by one latch and returns their responses in the order given. */
    public static List<ApiResponse> race(Callable<ApiResponse> a, Callable<ApiResponse> b) throws Exception {
        return all(List.of(a, b));
    }

    /** Runs the calls, one thread each, released by one latch; returns their results in the order given. */
    public static <T> List<T> all(List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same call {@code n} times at once. */
    public static <T> List<T> times(int n, Callable<T> call) throws Exception {
        return all(java.util.Collections.nCopies(n, call));
    }
}
