package io.camelhalo.component.halo.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.camelhalo.component.halo.http.HaloRateBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link HaloRateBudget} in a database table, so that the nodes of a cluster together keep within Halo's limit for a
 * tenant and application (Halo counts all of them together), through the database the cluster already has. Set it as
 * the {@code rateBudget} option ({@code rateBudget=#budget}) on every node, with the same {@code rateLimit}.
 * <p>
 * Each node holds a share of the limit: its row says how many permits it may hold (in flight, or sent within the last
 * window) until when. A node counts its requests locally as without a shared budget, and agrees its share again, in one
 * short transaction under a lock row per budget, every {@link #setSyncInterval(long) syncInterval} while it sends and
 * when its share is used up: it takes what the others do not hold, at most an equal part when others are short too, and
 * gives back what it holds beyond that part as its requests leave the window. So a busy node alone gets the whole
 * limit, and busy nodes get equal parts. A row counts until its lease (three sync intervals) plus one window has passed
 * on the database's clock: a node that dies stops sending at once, and its share returns within one window and a lease.
 * The only clock compared between nodes is the database's.
 * <p>
 * When the database cannot be reached, a node keeps its agreed share until its lease ends, then uses a safe local share
 * (the limit divided by {@link #setExpectedNodes(int) expectedNodes}, or {@link #setFallbackPermits(int)
 * fallbackPermits}) and says so in the producer health check (detail {@code halo.rate.budget}); it tries the database
 * again every sync interval. The table is created on start when missing (tested on PostgreSQL and H2):
 *
 * <pre>
 * CREATE TABLE CAMEL_HALO_RATE_BUDGET (BUDGET_KEY VARCHAR(512) NOT NULL, NODE_ID VARCHAR(64) NOT NULL,
 *     PERMITS INTEGER NOT NULL, WANTING INTEGER NOT NULL, EXPIRES_AT BIGINT NOT NULL, PRIMARY KEY (BUDGET_KEY, NODE_ID))
 * </pre>
 */
public class JdbcRateBudget implements HaloRateBudget {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRateBudget.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** The node id of the row each budget's agreements lock, so that they run one at a time. */
    static final String LOCK_ROW = "*";
    private static final int MAX_KEY_LENGTH = 512;
    private static final long MIN_SYNC_MILLIS = 100;
    private static final long MAX_SYNC_MILLIS = 10_000;

    private DataSource dataSource;
    private String tableName = "CAMEL_HALO_RATE_BUDGET";
    private boolean createTable = true;
    private int expectedNodes;
    private int fallbackPermits;
    private long syncInterval;
    /** Unique per JVM: a restarted node must not take over the row that still counts its predecessor's requests. */
    private final String nodeId = UUID.randomUUID().toString();
    private volatile boolean tableReady;

    public JdbcRateBudget() {
    }

    public JdbcRateBudget(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Share share(String key, int limit, Duration window) {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcRateBudget needs a dataSource");
        }
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException(
                    "Invalid tableName '" + tableName + "': letters, digits and _ only, starting with a letter or _");
        }
        if (expectedNodes < 0 || fallbackPermits < 0 || syncInterval < 0) {
            throw new IllegalArgumentException(
                    "Invalid JdbcRateBudget settings (expectedNodes " + expectedNodes + ", fallbackPermits "
                                               + fallbackPermits + ", syncInterval " + syncInterval
                                               + "): 0 (the default) or more");
        }
        long sync = syncInterval > 0
                ? syncInterval : Math.max(MIN_SYNC_MILLIS, Math.min(MAX_SYNC_MILLIS, window.toMillis() / 30));
        return new JdbcShare(storedKey(key), limit, window, Duration.ofMillis(sync));
    }

    /** The key as stored: as given when it fits the column (readable in the table), else its SHA-256. */
    static String storedKey(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** One JVM's share of one budget. */
    final class JdbcShare implements HaloRateBudget.Share {

        private final String key;
        private final int limit;
        private final long windowMillis;
        private final long syncNanos;
        private final long leaseNanos;
        /** The last agreed share and until when (local nanoTime) it may be used; null before the first agreement. */
        private volatile Lease lease;
        private volatile long lastAttempt;
        private volatile boolean attempted;
        private volatile boolean failing;
        private volatile Instant failingSince;
        private volatile String failure;
        private volatile int nodesSeen;
        private volatile boolean closed;
        /** The most permits held in the current window (since peakSince) and in the one before; by agree only. */
        private int peak;
        private int lastWindowPeak;
        private long peakSince = System.nanoTime();

        JdbcShare(String key, int limit, Duration window, Duration sync) {
            this.key = key;
            this.limit = limit;
            this.windowMillis = window.toMillis();
            this.syncNanos = sync.toNanos();
            // two missed agreements are tolerated before the share lapses
            this.leaseNanos = 3 * syncNanos;
        }

        @Override
        public int permits(long nanoTime) {
            Lease l = lease;
            if (l != null && nanoTime - l.until() < 0) {
                return l.permits();
            }
            return failing ? fallbackShare() : 0;
        }

        @Override
        public boolean due(long nanoTime, boolean wanting) {
            if (closed) {
                return false;
            }
            // a node short of permits asks more often, so that its share grows (or others' shrink) quickly
            long interval = wanting && !failing ? syncNanos / 4 : syncNanos;
            if (!attempted || nanoTime - lastAttempt >= interval) {
                return true;
            }
            Lease l = lease;
            return !failing && (l == null || nanoTime - l.until() >= 0); // lapsed while idle: agree before sending
        }

        @Override
        public void agree(int held, boolean wanting) {
            long start = System.nanoTime();
            int inForce = permits(start);
            lastAttempt = start;
            attempted = true;
            try {
                Agreement agreed = transact(held, wanting, inForce, false);
                // the lease runs from before the transaction: never later than the row's own start on the database
                lease = new Lease(agreed.permits(), start + leaseNanos);
                nodesSeen = Math.max(nodesSeen, agreed.nodes());
                if (failing) {
                    LOG.info("Rate budget {} reachable again: this node's share is {} of {}", key, agreed.permits(),
                            limit);
                }
                failing = false;
            } catch (SQLException | RuntimeException e) {
                if (!failing) {
                    failingSince = Instant.now();
                    LOG.warn("Rate budget {} cannot be reached in table {} ({}): this node keeps its agreed share "
                             + "until its lease ends, then uses a local share of {} of {}",
                            key, tableName, e.toString(), fallbackShare(), limit);
                }
                failure = e.toString();
                failing = true;
            }
        }

        @Override
        public boolean isFallback() {
            Lease l = lease;
            return failing && (l == null || System.nanoTime() - l.until() >= 0);
        }

        @Override
        public String status() {
            Lease l = lease;
            String per = " of " + limit + " per " + Duration.ofMillis(windowMillis);
            if (failing) {
                String why = "shared budget unreachable since " + failingSince + " (" + failure + "): ";
                return isFallback()
                        ? "fallback: " + why + "this node uses a local share of " + fallbackShare() + per
                        : "shared: " + why + "this node keeps its agreed share of " + l.permits() + per
                          + " until its lease ends";
            }
            if (l == null) {
                return "shared: not agreed yet" + per + " (table " + tableName + ")";
            }
            return "shared: this node's share " + permits(System.nanoTime()) + per + ", " + nodesSeen
                   + " node(s) seen (table " + tableName + ")";
        }

        @Override
        public void close(int held) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                transact(held, false, 0, true);
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Could not give back the share of rate budget {}: its row expires by itself", key, e);
            }
        }

        /** The most this node held in this window and the last, with {@code held} now. */
        private int recentPeak(int held) {
            long now = System.nanoTime();
            long windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
            if (now - peakSince >= windowNanos) {
                lastWindowPeak = now - peakSince >= 2 * windowNanos ? 0 : peak;
                peak = 0;
                peakSince = now;
            }
            peak = Math.max(peak, held);
            return Math.max(peak, lastWindowPeak);
        }

        /** The share a node that has just started sending gets at once. */
        private int minimumShare() {
            return Math.max(1, limit / 50);
        }

        private int fallbackShare() {
            if (fallbackPermits > 0) {
                return Math.min(fallbackPermits, limit);
            }
            int nodes = expectedNodes > 0 ? expectedNodes : Math.max(2, nodesSeen);
            return Math.max(1, limit / nodes);
        }

        /**
         * One agreement, in a transaction holding the budget's lock row: drops expired rows, reads the others', writes
         * this node's.
         *
         * @param held    permits this node holds
         * @param wanting whether requests wait for a permit
         * @param inForce the permits this node may hold until the row written now takes effect
         * @param closing this node stops: it keeps only what it holds, for one window
         */
        private Agreement transact(int held, boolean wanting, int inForce, boolean closing) throws SQLException {
            ensureTable();
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                try {
                    c.setAutoCommit(false);
                    long now = lockAndNow(c);
                    if (now < 0) { // the first agreement of this budget anywhere: create the lock row, then lock it
                        c.rollback();
                        insertLockRow(c);
                        now = lockAndNow(c);
                        if (now < 0) {
                            throw new SQLException(
                                    "The lock row of rate budget " + key + " is missing from table "
                                                   + tableName + " and could not be inserted");
                        }
                    }
                    try (PreparedStatement delete = c.prepareStatement(
                            "DELETE FROM " + tableName + " WHERE BUDGET_KEY = ? AND NODE_ID <> ? AND EXPIRES_AT <= ?")) {
                        delete.setString(1, key);
                        delete.setString(2, LOCK_ROW);
                        delete.setLong(3, now);
                        delete.executeUpdate();
                    }
                    int others = 0;
                    int othersWanting = 0;
                    int nodes = 1;
                    try (PreparedStatement select = c.prepareStatement(
                            "SELECT NODE_ID, PERMITS, WANTING FROM " + tableName
                                                                       + " WHERE BUDGET_KEY = ? AND NODE_ID <> ?")) {
                        select.setString(1, key);
                        select.setString(2, LOCK_ROW);
                        try (ResultSet rs = select.executeQuery()) {
                            while (rs.next()) {
                                if (!rs.getString(1).equals(nodeId)) {
                                    others += rs.getInt(2);
                                    othersWanting += rs.getInt(3) != 0 ? 1 : 0;
                                    nodes++;
                                }
                            }
                        }
                    }
                    int permits;
                    int reserved;
                    long expiresAt;
                    if (closing) {
                        permits = 0;
                        reserved = held;
                        expiresAt = now + windowMillis; // what it sent still counts at Halo for a window
                    } else {
                        int available = Math.max(0, limit - others);
                        int equalPart = (limit + othersWanting) / (othersWanting + 1); // rounded up
                        // a share grows with use (doubling), so a node that sends little holds little of the limit;
                        // use is the most it held in this window and the last, not the moment's (requests come in
                        // bursts: between two, a node holds nothing for an instant)
                        int needed = Math.max(minimumShare(), 2 * recentPeak(held));
                        Lease previous = lease;
                        int target = Math.min(equalPart, needed);
                        if (!wanting && previous != null) {
                            // not short: keep the share while no one else is, else come down to what it uses
                            target = othersWanting == 0 ? previous.permits() : Math.min(target, previous.permits());
                        }
                        permits = Math.min(available, target);
                        // what this node may hold until it agrees again: the permits in force count until this row
                        // commits, and permits given back still count until they leave the window
                        reserved = Math.max(permits, Math.max(inForce, held));
                        expiresAt = now + TimeUnit.NANOSECONDS.toMillis(leaseNanos) + windowMillis;
                    }
                    writeOwnRow(c, reserved, wanting, expiresAt);
                    c.commit();
                    return new Agreement(permits, nodes);
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    restoreAutoCommit(c, autoCommit);
                }
            }
        }

        /** Locks the budget's row; the database's time, or -1 when the lock row is missing. */
        private long lockAndNow(Connection c) throws SQLException {
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT CURRENT_TIMESTAMP FROM " + tableName + " WHERE BUDGET_KEY = ? AND NODE_ID = ? FOR UPDATE")) {
                lock.setString(1, key);
                lock.setString(2, LOCK_ROW);
                try (ResultSet rs = lock.executeQuery()) {
                    return rs.next() ? rs.getTimestamp(1).getTime() : -1;
                }
            }
        }

        private void insertLockRow(Connection c) throws SQLException {
            c.setAutoCommit(true); // on its own: a duplicate would spoil a PostgreSQL transaction
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO " + tableName
                                                               + " (BUDGET_KEY, NODE_ID, PERMITS, WANTING, EXPIRES_AT) VALUES (?, ?, ?, 0, 0)")) {
                insert.setString(1, key);
                insert.setString(2, LOCK_ROW);
                insert.setInt(3, limit);
                insert.executeUpdate();
            } catch (SQLException raced) {
                LOG.trace("Lock row of {} inserted by another node meanwhile", key, raced);
            }
            c.setAutoCommit(false);
        }

        private void writeOwnRow(Connection c, int reserved, boolean wanting, long expiresAt) throws SQLException {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE " + tableName
                                                               + " SET PERMITS = ?, WANTING = ?, EXPIRES_AT = ? WHERE BUDGET_KEY = ? AND NODE_ID = ?")) {
                update.setInt(1, reserved);
                update.setInt(2, wanting ? 1 : 0);
                update.setLong(3, expiresAt);
                update.setString(4, key);
                update.setString(5, nodeId);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO " + tableName
                                                               + " (BUDGET_KEY, NODE_ID, PERMITS, WANTING, EXPIRES_AT) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, nodeId);
                insert.setInt(3, reserved);
                insert.setInt(4, wanting ? 1 : 0);
                insert.setLong(5, expiresAt);
                insert.executeUpdate(); // no race: the lock row is held
            }
        }
    }

    private record Lease(int permits, long until) {
    }

    private record Agreement(int permits, int nodes) {
    }

    private void ensureTable() throws SQLException {
        if (tableReady || !createTable) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            if (!tableExists(c)) {
                try (Statement create = c.createStatement()) {
                    create.execute("CREATE TABLE " + tableName + " (BUDGET_KEY VARCHAR(" + MAX_KEY_LENGTH
                                   + ") NOT NULL, NODE_ID VARCHAR(64) NOT NULL, PERMITS INTEGER NOT NULL, "
                                   + "WANTING INTEGER NOT NULL, EXPIRES_AT BIGINT NOT NULL, "
                                   + "PRIMARY KEY (BUDGET_KEY, NODE_ID))");
                } catch (SQLException e) {
                    if (!tableExists(c)) { // another node may have created it meanwhile
                        throw e;
                    }
                }
            }
        }
        tableReady = true;
    }

    private boolean tableExists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] { tableName, tableName.toUpperCase(), tableName.toLowerCase() }) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] { "TABLE" })) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.trace("Rollback failed", e);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit); // a pooled connection goes back as it came
        } catch (SQLException e) {
            LOG.trace("Could not restore auto-commit", e);
        }
    }

    /** This JVM's row in the table: a random id, new with every start. */
    public String getNodeId() {
        return nodeId;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database holding the budget table: the one the cluster's nodes share. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The budget table; default CAMEL_HALO_RATE_BUDGET. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether to create the table when it is missing; default true. */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    public int getExpectedNodes() {
        return expectedNodes;
    }

    /**
     * How many nodes share the budget, for the local share a node uses while the database cannot be reached (the limit
     * divided by this). Default 0: the most nodes this node has seen sharing the budget, at least 2.
     */
    public void setExpectedNodes(int expectedNodes) {
        this.expectedNodes = expectedNodes;
    }

    public int getFallbackPermits() {
        return fallbackPermits;
    }

    /**
     * The permits per window a node uses while the database cannot be reached, instead of the limit divided by
     * expectedNodes. Default 0: that division.
     */
    public void setFallbackPermits(int fallbackPermits) {
        this.fallbackPermits = fallbackPermits;
    }

    public long getSyncInterval() {
        return syncInterval;
    }

    /**
     * How often, in milliseconds, a sending node agrees its share again (one short transaction): shorter moves permits
     * between nodes sooner, longer costs the database less. A share lapses after three intervals without agreement.
     * Default 0: the window divided by 30, between 100 ms and 10 s (10 s for Halo's 5-minute window).
     */
    public void setSyncInterval(long syncInterval) {
        this.syncInterval = syncInterval;
    }
}
