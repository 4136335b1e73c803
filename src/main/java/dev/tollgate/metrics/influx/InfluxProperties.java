package dev.tollgate.metrics.influx;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tollgate.influx.*}: where the InfluxDB store lives. Setting {@code url} switches the
 * metric store from the embedded one to InfluxDB.
 *
 * @param timeout how long one call may take; the gate must answer within two seconds even when
 *                InfluxDB does not, so this stays well under that
 */
@ConfigurationProperties("tollgate.influx")
record InfluxProperties(String url, String database, String username, String password, Duration timeout) {

    InfluxProperties {
        database = database == null || database.isBlank() ? "tollgate" : database;
        timeout = timeout == null ? Duration.ofMillis(1500) : timeout;
        username = username == null || username.isBlank() ? null : username;
        password = password == null || password.isBlank() ? null : password;
    }

    /** The default would print the password, and a URL may hold a user and password too: only its origin. */
    @Override
    public String toString() {
        return "InfluxProperties[url=" + origin(url) + ", database=" + database + ", username=" + username
                + ", password=" + (password == null ? "none" : "set") + ", timeout=" + timeout + "]";
    }

    private static String origin(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…";
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }
}
