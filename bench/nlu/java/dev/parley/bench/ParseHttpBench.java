package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code POST /api/v1/nlu/parse} over HTTP against a running server (start it with {@code mvn -Prun}):
 * the held-out seed utterances sent by 1 and then 8 concurrent clients (keep-alive), after a warm-up;
 * prints p50/p99 latency as the client sees it and throughput, next to {@code GET /health/live} on the same
 * server in the same run.
 *
 * <pre>mvn -o -q -Pbench -Dbench.main=dev.parley.bench.ParseHttpBench -Dbench.args="http://localhost:8080 20000"</pre>
 */
public final class ParseHttpBench {

    private ParseHttpBench() {
    }

    public static void main(String[] args) throws Exception {
        String[] a = String.join(" ", args).trim().split("\\s+");
        URI base = URI.create(a.length > 0 && !a[0].isEmpty() ? a[0] : "http://localhost:8080");
        int requests = a.length > 1 ? Integer.parseInt(a[1]) : 20_000;
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("db", "seed", "nlu", "heldout"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String text = line.replaceAll("\\[([^\\]]*)\\]\\{[^}]*\\}", "$1").strip()
                                .replace("\\", "\\\\").replace("\"", "\\\"");
                        bodies.add("{\"text\": \"" + text + "\"}");
                    }
                }
            }
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        run(client, base, bodies, requests / 4, 8, false, "warm-up");
        for (int clients : new int[] {1, 8}) {
            run(client, base, bodies, requests, clients, true, "POST /api/v1/nlu/parse");
            run(client, base, bodies, requests, clients, false, "GET /health/live");
        }
    }

    private static void run(HttpClient client, URI base, List<String> bodies, int requests, int clients,
            boolean parse, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] nanos = new long[requests];
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = thread; i < requests; i += clients) {
                    HttpRequest request = parse
                            ? HttpRequest.newBuilder(base.resolve("/api/v1/nlu/parse"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build()
                            : HttpRequest.newBuilder(base.resolve("/health/live")).GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                    nanos[i] = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(label + " answered " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-24s %d clients, %d requests: p50 %.2f ms, p99 %.2f ms, %.0f req/s%n",
                label, clients, requests, nanos[requests / 2] / 1e6, nanos[requests * 99 / 100] / 1e6,
                requests / seconds);
    }
}
