package dev.tollgate.scorecard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

/** Team and service scorecards (API.md "Scorecards"). */
@Service
public class Scorecards {

    public static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    /** A team's scorecard over the period that ends at {@code at} (now when null). */
    public Scorecard team(String team, Duration period, Instant at) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A service's scorecard over the period that ends at {@code at} (now when null). */
    public Scorecard service(String service, Duration period, Instant at) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The scorecard of every team the caller may read, in team order: the overview. */
    public List<Scorecard> teams(Duration period, Instant at) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The scorecard of every service the caller may read, worst first: the operational review. */
    public List<Scorecard> services(Duration period, Instant at) {
        throw new UnsupportedOperationException("not built yet");
    }
}
