package dev.tollgate.metrics;

/**
 * Which points a read covers: one metric, of one service (all its stages when {@code stage} is
 * null, or one stage), or of one team (its team-level points and the points of the services it
 * owned when they were written).
 */
public record MetricSelector(String metric, String team, String service, String stage) {

    public MetricSelector {
        if ((team == null) == (service == null)) {
            throw new IllegalArgumentException("A metric selector names a service or a team, not both or neither");
        }
        if (team != null && stage != null) {
            throw new IllegalArgumentException("A team selector has no stage");
        }
    }

    public static MetricSelector ofService(String metric, String service, String stage) {
        return new MetricSelector(metric, null, service, stage);
    }

    public static MetricSelector ofTeam(String metric, String team) {
        return new MetricSelector(metric, team, null, null);
    }
}
