package dev.parley.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct reads of the integration-test database (the same MariaDB the server under test uses), for checking
 * what the API says against the stored truth.
 */
public final class Db {

    private Db() {
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("PARLEY_DB_URL"), System.getenv("PARLEY_DB_USER"),
                System.getenv("PARLEY_DB_PASSWORD"));
    }

    /** The rows of a query, each as its column values. */
    public static List<List<Object>> rows(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an update (test setup only, e.g. moving a date into the past); returns the rows changed. */
    public static int update(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a query returns. */
    public static long number(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).get(0)).longValue();
    }
}
