package dev.tollgate.api;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Bounds how long a PostgreSQL connection waits for the server ({@code tollgate.database.socket-timeout},
 * default 30 s), unless the URL sets {@code socketTimeout} itself. Hikari's connection timeout
 * covers only getting a connection; without this, a server that hangs (a network partition, a
 * frozen host) rather than refuses holds every request already talking to it forever, where a
 * server that is down answers 503 within 2 s. Longer than any query Tollgate runs on purpose.
 */
@Component
class PostgresSocketTimeout implements BeanPostProcessor {

    private static final String PROPERTY = "socketTimeout";

    private final Duration timeout;

    PostgresSocketTimeout(@Value("${tollgate.database.socket-timeout:30s}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !pool.getJdbcUrl().contains(PROPERTY + "=")
                && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
            pool.addDataSourceProperty(PROPERTY, Long.toString(Math.max(1, timeout.toSeconds())));
        }
        return bean;
    }
}
