package com.ventusvault.platform.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a PostgreSQL server lives, parsed from {@code DATABASE_URL}. Accepts the libpq form
 * {@code postgresql://user:password@host:5432/db} (also {@code postgres://}) and the JDBC form
 * {@code jdbc:postgresql://host:5432/db?user=u&password=p}, so operators can paste what their provider gives them.
 * {@code sslmode} (libpq's values: disable, allow, prefer, require, verify-ca, verify-full) is carried to both drivers;
 * other parameters are refused rather than silently dropped.
 */
public record DatabaseUrl(String host, int port, String database, String username, String password, String sslMode) {

    /** Parses a URL, failing with a message that names the accepted forms. */
    public static DatabaseUrl parse(String url) {
        String text = url.strip();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
            throw new IllegalArgumentException("DATABASE_URL must look like postgresql://user:password@host:5432/db "
                    + "or jdbc:postgresql://host:5432/db?user=u&password=p, got '" + redact(url) + "'");
        }
        URI uri = URI.create(text.replaceFirst("^postgres(ql)?://", "postgresql://"));
        String username = null;
        String password = null;
        String sslMode = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                String value = kv.length > 1 ? decode(kv[1]) : "";
                switch (kv[0]) {
                    case "user" -> username = value;
                    case "password" -> password = value;
                    case "sslmode" -> sslMode = value;
                    default -> throw new IllegalArgumentException("DATABASE_URL parameter '" + kv[0]
                            + "' is not supported (supported: user, password, sslmode)");
                }
            }
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host: '" + redact(url) + "'");
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, database,
                username == null ? "postgres" : username, password == null ? "" : password, sslMode);
    }

    /** The JDBC URL Flyway migrates through, with the subgraph's schema as the search path. */
    public String jdbcUrl(String schema) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?currentSchema=" + schema
                + (sslMode == null ? "" : "&sslmode=" + sslMode);
    }

    /** The R2DBC URL the subgraph runs on, with the subgraph's schema as the search path. */
    public String r2dbcUrl(String schema) {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database + "?schema=" + schema
                + (sslMode == null ? "" : "&sslMode=" + sslMode);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String redact(String url) {
        return url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@").replaceAll("password=[^&]*", "password=***");
    }
}
