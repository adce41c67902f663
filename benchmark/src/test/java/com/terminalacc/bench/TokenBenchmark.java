package com.terminalacc.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Refresh-token grants per second for users with 0, 10, 100 and 1000 clouds, with the Terminal mapper (client scope
 * "terminal") and without it, measured in alternating rounds in one run; token sizes with the default mapper and
 * with an unlimited one.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class TokenBenchmark extends BenchSupport {

    static final int[] CLOUDS = {0, 10, 100, 1000};
    static final int GLOBAL_WARMUP = 8000;
    static final int WARMUP = 300;
    static final int ROUNDS = 10;
    static final int PER_ROUND = 500;
    static final int THREADS = 2;

    @Test
    void refreshGrantsWithAndWithoutTheMapper() throws Exception {
        String plain = client("bench-plain", null);
        String terminal = client("bench-terminal", "terminal");
        unlimitedScope();
        String unlimited = client("bench-unlimited", "terminal-unlimited");

        // Warm the JIT and Keycloak's caches on both paths before anything is measured.
        warmUp(plain, terminal, GLOBAL_WARMUP);

        StringBuilder md = new StringBuilder();
        md.append("### Refresh-token grants per second (").append(THREADS).append(" client threads, median of ").append(ROUNDS)
                .append(" alternating rounds of ").append(PER_ROUND).append(" grants)\n\n")
                .append("| clouds | without mapper | with mapper | ratio (median of rounds) | ratio range | access token without | with (default) | with, no limit |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<Integer, Double> ratios = new LinkedHashMap<>();
        for (int n : CLOUDS) {
            SignedIn user = userWithClouds(plain, terminal, n);
            int unlimitedSize = refresh(unlimited, passwordGrant(unlimited, user.email()).path("refresh_token").asText())
                    .body().path("access_token").asText().length();
            Rounds r = pairedRounds(plain, user.plainRefresh(), terminal, user.terminalRefresh(), WARMUP, ROUNDS, PER_ROUND);
            ratios.put(n, r.ratio());
            md.append(String.format("| %d | %.0f/s | %.0f/s | %.3f | %.3f–%.3f | %d B | %d B | %d B |%n", n, median(r.plainRates()),
                    median(r.terminalRates()), r.ratio(), r.min(), r.max(), user.plainSize(), user.terminalSize(), unlimitedSize));
        }
        md.append("\nOverhead of the mapper: ");
        ratios.forEach((n, r) -> md.append(String.format("%d clouds %.1f %%; ", n, (1 - r) * 100)));
        md.append("\n");
        report("token", md.toString());
    }

    /** The rates of paired rounds and their ratios (with mapper / without). */
    record Rounds(List<Double> plainRates, List<Double> terminalRates, List<Double> ratios) {
        double ratio() {
            return median(ratios);
        }

        double min() {
            return ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }

        double max() {
            return ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    /**
     * Warm-up on both clients, then {@code rounds} rounds of {@code perRound} grants on each, alternating which goes
     * first. Each round measures both clients back to back: its ratio is free of the drift between rounds.
     */
    static Rounds pairedRounds(String plain, String plainRefresh, String terminal, String terminalRefresh, int warmup, int rounds,
            int perRound) throws Exception {
        run(plain, plainRefresh, warmup);
        run(terminal, terminalRefresh, warmup);
        List<Double> plainRates = new ArrayList<>();
        List<Double> terminalRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                plainRates.add(run(plain, plainRefresh, perRound));
                terminalRates.add(run(terminal, terminalRefresh, perRound));
            } else {
                terminalRates.add(run(terminal, terminalRefresh, perRound));
                plainRates.add(run(plain, plainRefresh, perRound));
            }
            ratios.add(terminalRates.get(round) / plainRates.get(round));
        }
        return new Rounds(plainRates, terminalRates, ratios);
    }

    /** {@code count} refresh grants on THREADS threads; grants per second. */
    static double run(String clientId, String refreshToken, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger left = new AtomicInteger(count);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    ApiResponse r = refresh(clientId, refreshToken);
                    assertEquals(200, r.status(), r.raw());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
