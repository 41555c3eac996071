package dev.parley.testing;

import dev.parley.launcher.PayaraCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * One real Payara Micro for every {@link BlackBoxIT} class of a test run: the WAR {@code mvn package} built,
 * started with the launcher's own command line ({@link PayaraCommand}) against the database the failsafe
 * environment names, and ready ({@code /health/ready}) before the first test. It stops when the test JVM
 * ends. Its log goes to {@code target/it-server.log} (or the console with {@code -Dparley.it.serverOutput=true}).
 */
public final class ParleyServer implements BeforeAllCallback, TestInstancePostProcessor {

    /**
     * A field of type {@link URL} or {@link Http} that receives the shared server's root, or a {@link Chat} (the
     * shopper's side) or {@link Shop} (the merchant's side) talking to it.
     */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Base {
    }

    private static final Namespace NAMESPACE = Namespace.create(ParleyServer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        Running server = running(context);
        for (Class<?> type = testInstance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!field.isAnnotationPresent(Base.class)) {
                    continue;
                }
                field.setAccessible(true);
                if (field.getType() == URL.class) {
                    field.set(testInstance, server.base);
                } else if (field.getType() == Http.class) {
                    field.set(testInstance, new Http(server.base));
                } else if (field.getType() == Chat.class) {
                    field.set(testInstance, new Chat(new Http(server.base)));
                } else if (field.getType() == Shop.class) {
                    field.set(testInstance, new Shop(new Http(server.base)));
                } else {
                    throw new IllegalStateException("@Base goes on a URL, Http, Chat or Shop field, not " + field);
                }
            }
        }
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> Running.start(),
                Running.class);
    }

    /**
     * Stops the shared server (as an operator would: SIGTERM, then waits for the exit) and starts it again on the
     * same port, returning when it is ready. For tests that prove nothing lives only in a server's memory.
     */
    public static void restart() {
        Running running = current;
        if (running == null) {
            throw new IllegalStateException("no shared server is running");
        }
        running.restart();
    }

    /**
     * Kills the shared server outright (SIGKILL: no shutdown, no flushing, as in a power cut or an OOM kill) and
     * starts it again on the same port, returning when it is ready. For tests that prove a crash loses nothing.
     */
    public static void crashAndRestart() {
        Running running = current;
        if (running == null) {
            throw new IllegalStateException("no shared server is running");
        }
        running.crashAndRestart();
    }

    private static volatile Running current;

    /** The started server; JUnit closes it when the root context (the test JVM's run) ends. */
    static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        Process process;
        final URL base;
        final int port;

        private Running(Process process, URL base, int port) {
            this.process = process;
            this.base = base;
            this.port = port;
        }

        static Running start() {
            int port = freePort();
            Running running = new Running(launch(port), url("http://localhost:" + port + "/"), port);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "parley-it-server-stop"));
            running.awaitReady(Duration.ofMinutes(5), log());
            current = running;
            return running;
        }

        synchronized void restart() {
            close();
            process = launch(port);
            awaitReady(Duration.ofMinutes(5), log());
        }

        synchronized void crashAndRestart() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            process = launch(port);
            awaitReady(Duration.ofMinutes(5), log());
        }

        private static Path log() {
            return Path.of(property("parley.war")).resolveSibling("it-server.log");
        }

        private static Process launch(int port) {
            Path war = Path.of(property("parley.war"));
            if (!Files.isRegularFile(war)) {
                throw new IllegalStateException(war + " is missing: integration tests run after 'mvn package'");
            }
            List<String> command = PayaraCommand.of(List.of("-Xmx1g"), Path.of(property("parley.runtime.dir")), war,
                    Path.of(property("parley.serverConfig.dir")), port, "logging.properties");
            // One node on its own, with its own data-grid group and port, so that a store a developer runs on this
            // machine (mvn -Prun, group "parley" from port 6900) is neither joined nor in the way.
            command.set(command.indexOf("--prebootcommandfile") + 1, isolatedPreBoot(war).toString());
            command.add("--nocluster");
            ProcessBuilder builder = new ProcessBuilder(command);
            if (Boolean.getBoolean("parley.it.serverOutput")) {
                builder.inheritIO();
            } else {
                builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            }
            try {
                return builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void awaitReady(Duration timeout, Path log) {
            Http http = new Http(base);
            long end = System.nanoTime() + timeout.toNanos();
            int last = -1;
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log
                            + tail(log));
                }
                try {
                    HttpResponse<String> ready = http.get("health/ready");
                    last = ready.statusCode();
                    if (last == 200) {
                        return;
                    }
                } catch (UncheckedIOException notListening) {
                    // Still booting.
                }
                sleep(500);
            }
            close();
            throw new IllegalStateException("the server was not ready within " + timeout + " (last /health/ready "
                    + last + "); see " + log + tail(log));
        }

        @Override
        public synchronized void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException | UncheckedIOException e) {
                return "";
            }
        }
    }

    /** The pre-boot commands with the data grid apart ({@link IsolatedDataGrid}), written if not yet. */
    private static Path isolatedPreBoot(Path war) {
        String written = System.getProperty(IsolatedDataGrid.PROPERTY);
        return written != null ? Path.of(written)
                : IsolatedDataGrid.write(Path.of(property("parley.serverConfig.dir")),
                        war.resolveSibling("it-pre-boot-commands.asadmin"));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (the failsafe configuration sets it)");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(String spec) {
        try {
            return new URL(spec);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
