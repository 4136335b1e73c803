package dev.tollgate.scorecard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tollgate.gate.GateTally;

/**
 * A team's or a service's scorecard over {@code [from, to)} (API.md "Scorecards").
 *
 * @param service the service, for a service's scorecard; null for a team's
 * @param period  the period as an ISO-8601 duration
 */
public record Scorecard(String team, @JsonInclude(JsonInclude.Include.NON_NULL) String service, String period,
        Instant from, Instant to, List<ScorecardItem> business, List<ScorecardItem> operational,
        List<ScorecardItem> inputGoals, List<ScorecardItem> enablement, DoraScorecard dora, GateTally gates) {

    /** The worst first: most BAD figures, then most WATCH, then by name. */
    public static final Comparator<Scorecard> WORST_FIRST = Comparator
            .comparingLong((Scorecard card) -> -card.count(ScorecardStatus.BAD))
            .thenComparingLong(card -> -card.count(ScorecardStatus.WATCH))
            .thenComparing(card -> card.service() != null ? card.service() : card.team());

    public Scorecard {
        business = List.copyOf(business);
        operational = List.copyOf(operational);
        inputGoals = List.copyOf(inputGoals);
        enablement = List.copyOf(enablement);
    }

    /** Every item, quadrant by quadrant, then DORA. */
    @JsonIgnore
    public List<ScorecardItem> items() {
        return Stream.of(business, operational, inputGoals, enablement, dora.items()).flatMap(List::stream).toList();
    }

    public long count(ScorecardStatus status) {
        return items().stream().filter(item -> item.status() == status).count();
    }

    /** The item reading this metric, goal or DORA figure, if the scorecard has one. */
    public java.util.Optional<ScorecardItem> item(String key) {
        return items().stream().filter(item -> key.equals(item.key())).findFirst();
    }
}
