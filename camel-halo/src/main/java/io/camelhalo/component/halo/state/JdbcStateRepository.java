package io.camelhalo.component.halo.state;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in a database table, so the members of a cluster share halo-poll progress through the
 * database they already have. One row per state key; the table is created on start when missing (the default DDL is
 * tested on PostgreSQL and H2; create it yourself where it does not suit):
 *
 * <pre>
 * CREATE TABLE CAMEL_HALO_STATE (STATE_KEY VARCHAR(512) PRIMARY KEY, STATE_VALUE TEXT NOT NULL,
 *                                STATE_VERSION BIGINT DEFAULT 1 NOT NULL)
 * </pre>
 *
 * The value column is unbounded ({@code TEXT}: PostgreSQL's unlimited string, a character large object in H2), because
 * progress grows with the changes of one poll. A table made with a bounded column (earlier versions used
 * {@code VARCHAR(32000)}) fails a longer value with an error naming the key, the size and the statement that widens the
 * column. Every read and write is its own statement in auto-commit, so a member killed at any point leaves either the
 * old value or the new one.
 * <p>
 * Every write counts up {@code STATE_VERSION}, and {@link #compareAndSetState} writes only over the version its caller
 * read, so a member that lost the leadership without noticing cannot overwrite newer progress (a
 * {@link StaleStateException} says so). A table from an earlier version, without the column, gets it on start.
 */
public class JdbcStateRepository extends ServiceSupport implements VersionedStateRepository {

    /** SQLSTATE for "string data, right truncation": PostgreSQL, H2 and most others when a value is too long. */
    private static final String VALUE_TOO_LONG = "22001";
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private DataSource dataSource;
    private String tableName = "CAMEL_HALO_STATE";
    private boolean createTable = true;

    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcStateRepository needs a dataSource");
        }
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException(
                    "Invalid tableName '" + tableName + "': letters, digits and _ only, starting with a letter or _");
        }
        if (createTable) {
            createTableIfMissing();
        }
        addVersionColumnIfMissing();
    }

    @Override
    public Versioned getVersionedState(String key) {
        ensureStarted();
        try (Connection c = autoCommitting(dataSource.getConnection());
             PreparedStatement select = c.prepareStatement(
                     "SELECT STATE_VALUE, STATE_VERSION FROM " + tableName + " WHERE STATE_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Versioned(rs.getString(1), rs.getLong(2)) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read state '" + key + "' from table " + tableName, e);
        }
    }

    @Override
    public long compareAndSetState(String key, long expectedVersion, String value) {
        ensureStarted();
        try (Connection c = autoCommitting(dataSource.getConnection())) {
            if (expectedVersion == 0) {
                try {
                    insert(c, key, value);
                    return 1;
                } catch (SQLException raced) {
                    if (VALUE_TOO_LONG.equals(raced.getSQLState()) || getVersionedState(key) == null) {
                        throw raced;
                    }
                    throw stale(key, expectedVersion);
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE " + tableName + " SET STATE_VALUE = ?, STATE_VERSION = ? WHERE STATE_KEY = ? AND STATE_VERSION = ?")) {
                update.setString(1, value);
                update.setLong(2, expectedVersion + 1);
                update.setString(3, key);
                update.setLong(4, expectedVersion);
                if (update.executeUpdate() == 0) {
                    throw stale(key, expectedVersion);
                }
                return expectedVersion + 1;
            }
        } catch (SQLException e) {
            throw writeFailed(key, value, e);
        }
    }

    private StaleStateException stale(String key, long expectedVersion) {
        Versioned now = getVersionedState(key);
        return new StaleStateException(
                key, expectedVersion,
                "State '" + key + "' in table " + tableName + " was written by another member since this one read it "
                                      + "(version " + expectedVersion + ", now "
                                      + (now == null ? "none" : now.version())
                                      + "): this write is refused, nothing was written");
    }

    @Override
    public String getState(String key) {
        ensureStarted();
        try (Connection c = autoCommitting(dataSource.getConnection());
             PreparedStatement select = c.prepareStatement(
                     "SELECT STATE_VALUE FROM " + tableName + " WHERE STATE_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read state '" + key + "' from table " + tableName, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        ensureStarted();
        try (Connection c = autoCommitting(dataSource.getConnection())) {
            if (update(c, key, value) == 0) {
                try {
                    insert(c, key, value);
                } catch (SQLException raced) {
                    // another member inserted the row between our update and insert: update it
                    if (update(c, key, value) == 0) {
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw writeFailed(key, value, e);
        }
    }

    private RuntimeCamelException writeFailed(String key, String value, SQLException e) {
        if (VALUE_TOO_LONG.equals(e.getSQLState())) {
            return new RuntimeCamelException(
                    "Cannot write state '" + key + "': its value of " + value.length()
                                             + " characters does not fit the STATE_VALUE column of table " + tableName
                                             + ". Make the column unbounded, e.g. on PostgreSQL: ALTER TABLE "
                                             + tableName + " ALTER COLUMN STATE_VALUE TYPE TEXT",
                    e);
        }
        return new RuntimeCamelException(
                "Cannot write state '" + key + "' (" + value.length()
                                         + " characters) to table " + tableName,
                e);
    }

    /**
     * A pool may hand out connections with auto-commit off; this store's writes must be committed one by one, and a
     * PostgreSQL transaction would not survive the failed insert of a raced row.
     */
    private static Connection autoCommitting(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        return c;
    }

    private int update(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + tableName + " SET STATE_VALUE = ?, STATE_VERSION = STATE_VERSION + 1 WHERE STATE_KEY = ?")) {
            update.setString(1, value);
            update.setString(2, key);
            return update.executeUpdate();
        }
    }

    private void insert(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO " + tableName + " (STATE_KEY, STATE_VALUE, STATE_VERSION) VALUES (?, ?, 1)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    private void createTableIfMissing() throws SQLException {
        try (Connection c = autoCommitting(dataSource.getConnection())) {
            if (tableExists(c)) {
                return;
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE TABLE " + tableName
                               + " (STATE_KEY VARCHAR(512) PRIMARY KEY, STATE_VALUE TEXT NOT NULL, "
                               + "STATE_VERSION BIGINT DEFAULT 1 NOT NULL)");
            } catch (SQLException e) {
                if (!tableExists(c)) { // another member may have created it meanwhile
                    throw e;
                }
            }
        }
    }

    /** A table made by an earlier version has no STATE_VERSION: added (as 0 for every row), by one member. */
    private void addVersionColumnIfMissing() throws SQLException {
        try (Connection c = autoCommitting(dataSource.getConnection())) {
            if (!tableExists(c) || versionColumnExists(c)) {
                return;
            }
            try (Statement alter = c.createStatement()) {
                alter.execute("ALTER TABLE " + tableName + " ADD COLUMN STATE_VERSION BIGINT DEFAULT 1 NOT NULL");
            } catch (SQLException e) {
                if (!versionColumnExists(c)) { // another member may have added it meanwhile
                    throw e;
                }
            }
        }
    }

    private boolean versionColumnExists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] { tableName, tableName.toUpperCase(), tableName.toLowerCase() }) {
            for (String column : new String[] { "STATE_VERSION", "state_version" }) {
                try (ResultSet rs = meta.getColumns(null, null, name, column)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
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

    private void ensureStarted() {
        if (!isStarted()) {
            start();
        }
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database holding the state table. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The state table; default CAMEL_HALO_STATE. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether to create the table on start when it is missing; default true. */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }
}
