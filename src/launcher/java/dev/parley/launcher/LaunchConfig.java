package dev.parley.launcher;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks and derivations of the launcher's configuration, each failing with one clear sentence. */
final class LaunchConfig {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:(?:mysql|mariadb)://([^/:?,]+)(?::(\\d+))?.*");

    private LaunchConfig() {
    }

    /** {@code PARLEY_PORT}, default 8080. */
    static int port(String value) throws ParleyLauncher.LaunchException {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ParleyLauncher.LaunchException("PARLEY_PORT must be a port number (1-65535), not '" + value + "'");
        }
    }

    /** Fails with one line when something already listens on the HTTP port. */
    static void checkPortFree(int port) throws ParleyLauncher.LaunchException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(port));
        } catch (java.io.IOException e) {
            throw new ParleyLauncher.LaunchException("port " + port + " is already in use (is Parley already"
                    + " running?); stop that program or choose another with PARLEY_PORT");
        }
    }

    /** The JDBC URL of the embedded database on {@code port}. */
    static String embeddedUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/parley?characterEncoding=UTF-8&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    /** "host:port" of a MySQL/MariaDB JDBC URL. */
    static String hostAndPort(String jdbcUrl) throws ParleyLauncher.LaunchException {
        Matcher m = HOST_PORT.matcher(jdbcUrl.trim());
        if (!m.matches()) {
            throw new ParleyLauncher.LaunchException("PARLEY_DB_URL must look like jdbc:mysql://host:3306/parley, not '"
                    + jdbcUrl + "'");
        }
        return m.group(1) + ":" + (m.group(2) == null ? "3306" : m.group(2));
    }

    /** Connects once (5 s timeout) so that a wrong host, port or account is reported before Payara starts. */
    static void checkReachable(String jdbcUrl, String user, String password) throws ParleyLauncher.LaunchException {
        String where = hostAndPort(jdbcUrl);
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5000");
        props.setProperty("socketTimeout", "10000");
        props.setProperty("openTelemetry", "DISABLED");
        DriverManager.setLoginTimeout(10);
        try (Connection c = DriverManager.getConnection(jdbcUrl.trim(), props)) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new ParleyLauncher.LaunchException("cannot use the database at " + where + ": " + reason(e));
        }
    }

    /** A short human reason for a failed connection. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host (DNS lookup failed)";
            }
            if (t instanceof ConnectException) {
                return "connection refused (nothing listening on that port)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException) {
                return "connection timed out";
            }
        }
        if (e instanceof SQLException sql && "28000".equals(sql.getSQLState())) {
            return "access denied for that user and password (PARLEY_DB_USER / PARLEY_DB_PASSWORD)";
        }
        if (e instanceof SQLException sql && "42000".equals(sql.getSQLState())) {
            return "the database named in the URL does not exist or the user may not use it";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
