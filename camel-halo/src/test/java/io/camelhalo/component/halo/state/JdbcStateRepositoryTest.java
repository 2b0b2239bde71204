package io.camelhalo.component.halo.state;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC state repository against real SQL servers: PostgreSQL (embedded, started from Maven-served binaries) and H2
 * in server mode, both over TCP on loopback. Every member gets its own DataSource, as separate nodes would, and every
 * test its own table.
 */
class JdbcStateRepositoryTest {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static H2Server h2;

    enum Database {
        POSTGRESQL(() -> postgres.getPostgresDatabase()),
        H2(() -> h2.dataSource());

        private final Supplier<DataSource> newDataSource;

        Database(Supplier<DataSource> newDataSource) {
            this.newDataSource = newDataSource;
        }

        DataSource dataSource() {
            return newDataSource.get();
        }
    }

    @BeforeAll
    static void startDatabases() throws Exception {
        postgres = EmbeddedPostgres.start();
        h2 = H2Server.start();
    }

    @AfterAll
    static void stopDatabases() throws Exception {
        try {
            if (h2 != null) {
                h2.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static JdbcStateRepository member(Database db, String table) {
        JdbcStateRepository repo = new JdbcStateRepository(db.dataSource());
        repo.setTableName(table);
        return repo;
    }

    private static String newTable() {
        return "HALO_STATE_" + TABLES.incrementAndGet();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void twoMembersShareStateThroughTheDatabase(Database db) throws Exception {
        // given two members, each with its own connection to the same database; the second finds the table made
        String table = newTable();
        JdbcStateRepository a = member(db, table);
        JdbcStateRepository b = member(db, table);
        a.start();
        b.start();

        // when one writes, then the other reads it; an update replaces, keys stay apart
        assertNull(a.getState("halo-poll|tickets|route1"));
        a.setState("halo-poll|tickets|route1", "{\"from\":\"2026-01-01T00:00:00Z\"}");
        assertEquals("{\"from\":\"2026-01-01T00:00:00Z\"}", b.getState("halo-poll|tickets|route1"));
        b.setState("halo-poll|tickets|route1", "v2");
        assertEquals("v2", a.getState("halo-poll|tickets|route1"), "an update replaces, never duplicates");
        a.setState("halo-poll|invoices|route2", "other");
        assertEquals("v2", a.getState("halo-poll|tickets|route1"), "keys are separate");
        assertEquals(2, rowCount(db, table));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void progressAfterALongCatchUpFits(Database db) {
        // given progress far beyond the ~99,000 characters a 2,000-change catch-up stored
        JdbcStateRepository repo = member(db, newTable());
        String value = "{\"seen\":\"" + "12345@2026-01-01T00:00:00Z,".repeat(10_000) + "\"}";
        assertTrue(value.length() > 250_000);

        // when it is written, then it reads back whole
        repo.setState("halo-poll|tickets|catch-up", value);
        assertEquals(value, repo.getState("halo-poll|tickets|catch-up"));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aBoundedColumnFromAnEarlierVersionFailsNamingTheKeyAndSize(Database db) throws Exception {
        // given a table an earlier version created with a bounded column
        String table = newTable();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table
                      + " (STATE_KEY VARCHAR(512) PRIMARY KEY, STATE_VALUE VARCHAR(32000) NOT NULL)");
        }
        JdbcStateRepository repo = member(db, table);

        // when a value longer than the column is written
        RuntimeCamelException e = assertThrows(RuntimeCamelException.class,
                () -> repo.setState("halo-poll|tickets|route1", "x".repeat(40_000)));

        // then the error names the key, the size, the table and the way out; the old value is untouched
        assertTrue(e.getMessage().contains("'halo-poll|tickets|route1'"), e.getMessage());
        assertTrue(e.getMessage().contains("40000 characters"), e.getMessage());
        assertTrue(e.getMessage().contains(table), e.getMessage());
        assertTrue(e.getMessage().contains("TYPE TEXT"), e.getMessage());
        assertNull(repo.getState("halo-poll|tickets|route1"));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void concurrentWritersOnTwoMembersNeverFailNorDuplicateARow(Database db) throws Exception {
        // given two members and keys no one has written yet, so their first writes race to insert the row
        String table = newTable();
        List<JdbcStateRepository> members = List.of(member(db, table), member(db, table));
        members.forEach(JdbcStateRepository::start);
        int keys = 10;
        int writesPerThread = 30;
        Set<String> written = ConcurrentHashMap.newKeySet();

        // when four threads on each member write the same keys at once
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                JdbcStateRepository repo = members.get(t % 2);
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < writesPerThread; i++) {
                        String value = "thread-" + thread + "-write-" + i;
                        written.add(value);
                        repo.setState("key-" + (i % keys), value);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(); // then no write failed
            }
        } finally {
            pool.shutdownNow();
        }

        // then each key is one row holding one of the values written
        assertEquals(keys, rowCount(db, table));
        for (int k = 0; k < keys; k++) {
            String value = members.get(k % 2).getState("key-" + k);
            assertTrue(written.contains(value), "key-" + k + " holds " + value);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aWriteOverAVersionNoLongerStoredIsRefusedAndChangesNothing(Database db) {
        // given two members; one creates the key, the other updates it
        String table = newTable();
        JdbcStateRepository a = member(db, table);
        JdbcStateRepository b = member(db, table);
        assertNull(a.getVersionedState("k"));
        assertEquals(1, a.compareAndSetState("k", 0, "a1"));
        assertThrows(StaleStateException.class, () -> b.compareAndSetState("k", 0, "b-create"),
                "a second create is refused");
        assertEquals(new VersionedStateRepository.Versioned("a1", 1), b.getVersionedState("k"));
        assertEquals(2, b.compareAndSetState("k", 1, "b2"));

        // when the first writes over the version it read, now replaced
        StaleStateException e = assertThrows(StaleStateException.class, () -> a.compareAndSetState("k", 1, "a2"));

        // then nothing is written and the error names the key and both versions
        assertTrue(e.getMessage().contains("'k'") && e.getMessage().contains("version 1, now 2"), e.getMessage());
        assertEquals(new VersionedStateRepository.Versioned("b2", 2), a.getVersionedState("k"));
        a.setState("k", "plain");
        assertEquals(new VersionedStateRepository.Versioned("plain", 3), b.getVersionedState("k"),
                "a plain write counts the version up too");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aTableOfAnEarlierVersionGetsTheVersionColumn(Database db) throws Exception {
        // given a table and a row an earlier version made, without STATE_VERSION
        String table = newTable();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (STATE_KEY VARCHAR(512) PRIMARY KEY, STATE_VALUE TEXT NOT NULL)");
            s.execute("INSERT INTO " + table + " (STATE_KEY, STATE_VALUE) VALUES ('k', 'old')");
        }
        JdbcStateRepository repo = member(db, table);

        // when it starts, then the row reads as version 1 and compare-and-set works on it
        assertEquals(new VersionedStateRepository.Versioned("old", 1), repo.getVersionedState("k"));
        assertEquals(2, repo.compareAndSetState("k", 1, "new"));
        assertThrows(StaleStateException.class, () -> repo.compareAndSetState("k", 1, "stale"));
        assertEquals("new", repo.getState("k"));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aPoolHandingOutConnectionsWithoutAutoCommitStillCommits(Database db) {
        // given a DataSource whose connections start with auto-commit off, as many pools are configured
        DataSource plain = db.dataSource();
        DataSource noAutoCommit = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = method.invoke(plain, args);
                    if (result instanceof Connection c) {
                        c.setAutoCommit(false);
                    }
                    return result;
                });
        String table = newTable();
        JdbcStateRepository writer = new JdbcStateRepository(noAutoCommit);
        writer.setTableName(table);

        // when it writes, then another member sees the value at once
        writer.setState("k", "committed");
        assertEquals("committed", member(db, table).getState("k"));
    }

    @Test
    void badSettingsAreRefusedWithTheValue() {
        JdbcStateRepository noSource = new JdbcStateRepository();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, noSource::start);
        assertTrue(e.getMessage().contains("dataSource"));

        JdbcStateRepository badTable = new JdbcStateRepository(h2.dataSource());
        badTable.setTableName("state; DROP TABLE x");
        e = assertThrows(IllegalArgumentException.class, badTable::start);
        assertTrue(e.getMessage().contains("state; DROP TABLE x"), e.getMessage());
    }

    private static int rowCount(Database db, String table) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
