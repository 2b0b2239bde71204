package io.camelhalo.component.halo.state;

import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

/**
 * A real SQL database server for the tests: H2 in server mode on loopback, with an in-memory database that lives as
 * long as the server. Each client gets its own DataSource, as separate cluster members would.
 */
public final class H2Server implements AutoCloseable {

    private final Server server;
    private final String database = "halo-state-" + UUID.randomUUID();

    private H2Server(Server server) {
        this.server = server;
    }

    public static H2Server start() throws SQLException {
        System.setProperty("h2.bindAddress", "127.0.0.1"); // loopback only
        return new H2Server(Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start());
    }

    /** A new DataSource for the shared database, over TCP. */
    public DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + database + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    @Override
    public void close() {
        server.stop();
    }
}
