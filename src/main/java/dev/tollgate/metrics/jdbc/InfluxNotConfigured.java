package dev.tollgate.metrics.jdbc;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded store serves unless {@code tollgate.influx.url} names an InfluxDB: then the
 * InfluxDB adapter, conditional on the same property being set, is the one {@code MetricStore}.
 * A property condition rather than {@code @ConditionalOnMissingBean}, which only orders reliably
 * among auto-configurations, not among scanned components.
 */
final class InfluxNotConfigured implements Condition {

    static final String INFLUX_URL = "tollgate.influx.url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty(INFLUX_URL));
    }
}
