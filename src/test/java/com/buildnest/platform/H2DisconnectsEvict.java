package com.buildnest.platform;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Test harness only. HikariCP evicts a pooled connection on the SQL states a real server's driver
 * reports for a lost link (08xxx, as MariaDB Connector/J does); H2's remote client reports its own
 * codes instead. When the outage test runs on H2 over TCP, this teaches the pool H2's codes so the
 * harness behaves as MariaDB does. The embedded default never uses H2 over a network.
 */
public class H2DisconnectsEvict implements SQLExceptionOverride {

    private static final int CONNECTION_BROKEN = 90067;
    private static final int DATABASE_CLOSED = 90121;

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        int code = failure.getErrorCode();
        return code == CONNECTION_BROKEN || code == DATABASE_CLOSED ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
