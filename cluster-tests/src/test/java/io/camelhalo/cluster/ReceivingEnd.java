package io.camelhalo.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The receiving end's tables on the shared PostgreSQL, as the test reads them: {@code RAW_DELIVERIES} (every delivery
 * that reached the route, before the idempotent consumer), {@code SINK} (what passed it) and camel-sql's
 * {@code CAMEL_MESSAGEPROCESSED} (the idempotent consumer's keys; with a primary key, so even two writers could not
 * store one key twice). {@code SINK} has no unique key on purpose: a duplicate there is counted, not refused.
 */
final class ReceivingEnd {

    private final DataSource db;

    ReceivingEnd(DataSource db) {
        this.db = db;
    }

    void createTables() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] { "RAW_DELIVERIES", "SINK" }) {
                s.execute("CREATE TABLE " + table + " (CHANGE_KEY VARCHAR(100) NOT NULL, NODE VARCHAR(40) NOT NULL,"
                          + " AT TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp())");
            }
            s.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL,"
                      + " messageId VARCHAR(100) NOT NULL, createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
        }
    }

    int sinkCount() {
        return count("SELECT COUNT(*) FROM SINK");
    }

    int rawCount() {
        return count("SELECT COUNT(*) FROM RAW_DELIVERIES");
    }

    /** How often each change key arrived in {@code RAW_DELIVERIES} or {@code SINK}. */
    Map<String, Integer> arrivals(String table) {
        Map<String, Integer> arrivals = new HashMap<>();
        query("SELECT CHANGE_KEY, COUNT(*) FROM " + table + " GROUP BY CHANGE_KEY", rs -> {
            while (rs.next()) {
                arrivals.put(rs.getString(1), rs.getInt(2));
            }
            return null;
        });
        return arrivals;
    }

    /** The node that delivered last: the leader while a batch is being delivered. */
    String latestDeliveringNode() {
        return query("SELECT NODE FROM RAW_DELIVERIES ORDER BY AT DESC LIMIT 1", rs -> rs.next() ? rs.getString(1) : null);
    }

    /** When a node other than {@code node} first delivered after {@code after}, or null. */
    Instant firstDeliveryByAnotherNode(String node, Instant after) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT MIN(AT) FROM RAW_DELIVERIES WHERE NODE <> ? AND AT > ?")) {
            s.setString(1, node);
            s.setTimestamp(2, Timestamp.from(after));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp at = rs.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a halo-poll consumer has stored its progress (it polled at least once). */
    boolean progressStored() {
        return count("SELECT COUNT(*) FROM CAMEL_HALO_STATE") > 0;
    }

    private int count(String sql) {
        return query(sql, rs -> {
            rs.next();
            return rs.getInt(1);
        });
    }

    private <T> T query(String sql, ResultReader<T> reader) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
