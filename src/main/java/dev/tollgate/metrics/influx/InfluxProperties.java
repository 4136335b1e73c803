package dev.tollgate.metrics.influx;

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
}
