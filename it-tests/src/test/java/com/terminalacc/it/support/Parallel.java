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
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (Callable<ApiResponse> c : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<ApiResponse> results = new ArrayList<>();
            for (Future<ApiResponse> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
