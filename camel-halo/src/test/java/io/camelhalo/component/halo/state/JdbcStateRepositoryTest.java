package io.camelhalo.component.halo.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC state repository against a real SQL server (H2 in server mode, over TCP on loopback).
 */
class JdbcStateRepositoryTest {

    private H2Server h2;

    @BeforeEach
    void startDatabase() throws Exception {
        h2 = H2Server.start();
    }

    @AfterEach
    void stopDatabase() {
        h2.close();
    }

    @Test
    void twoMembersShareStateThroughTheDatabase() throws Exception {
        JdbcStateRepository a = new JdbcStateRepository(h2.dataSource());
        JdbcStateRepository b = new JdbcStateRepository(h2.dataSource());
        a.start();
        b.start(); // the table exists already: no error

        assertNull(a.getState("halo-poll|tickets|route1"));
        a.setState("halo-poll|tickets|route1", "{\"from\":\"2026-01-01T00:00:00Z\"}");
        assertEquals("{\"from\":\"2026-01-01T00:00:00Z\"}", b.getState("halo-poll|tickets|route1"));
        b.setState("halo-poll|tickets|route1", "v2");
        assertEquals("v2", a.getState("halo-poll|tickets|route1"), "an update replaces, never duplicates");
        a.setState("halo-poll|invoices|route2", "other");
        assertEquals("v2", a.getState("halo-poll|tickets|route1"), "keys are separate");

        try (Connection c = h2.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM CAMEL_HALO_STATE")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void aLongStateValueFits() {
        JdbcStateRepository repo = new JdbcStateRepository(h2.dataSource());
        String value = "x".repeat(20_000);
        repo.setState("k", value);
        assertEquals(value, repo.getState("k"));
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
}
