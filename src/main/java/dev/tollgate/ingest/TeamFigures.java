package dev.tollgate.ingest;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Figures a person types in for a team, such as the share of the team with current security
 * training. Each is one team-level point, stamped now, taken through the same checks and the same
 * authorisation ('ingest' for the team) as the ingestion endpoints: the UI holds nobody to other
 * rules than the API does.
 */
@Service
public class TeamFigures {

    /** How the ingest meters name this door beside "json" and "line". */
    static final String ENDPOINT = "ui";

    private final MetricIngest ingest;

    TeamFigures(MetricIngest ingest) {
        this.ingest = ingest;
    }

    /**
     * Records the figure as of now. Refusals name the fields as the JSON endpoint names them for
     * the first point of a request: {@code /0/value}, {@code /0/team}, {@code /0/metric}.
     */
    public void record(String team, String metric, double value) {
        ingest.accept(List.of(IncomingPoint.fromJson(0, metric, null, team, null, null, value, Map.of())), ENDPOINT);
    }
}
