package dev.parley.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for black-box tests against the deployed server. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public Http(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    /** A request to {@code path} (relative to the deployment root, no leading slash needed). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request with any body handler (bytes for a PDF). */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** The {@code Authorization} header value for HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The admin credentials the integration tests run with (PARLEY_ADMIN_PASSWORD in the pom). */
    public static String admin() {
        return basic("admin", "it-admin-secret");
    }

    /** Sends a request as the bootstrap admin. */
    public HttpResponse<String> asAdmin(HttpRequest.Builder request) {
        return send(request.header("Authorization", admin()));
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static JsonStructure jsonAny(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    /**
     * Waits until {@code /health/ready} answers 200 (on a fresh database the first intent model trains first)
     * and returns that answer, or the last one when {@code timeout} passes.
     */
    public HttpResponse<String> awaitReady(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = get("health/ready");
        while (last.statusCode() != 200 && System.nanoTime() < end) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = get("health/ready");
        }
        return last;
    }
}
