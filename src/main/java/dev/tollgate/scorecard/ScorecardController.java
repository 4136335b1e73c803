package dev.tollgate.scorecard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.api.ApiDuration;
import dev.tollgate.api.Violations;

/** API.md "Scorecards": a team's or a service's, as JSON or, with {@code Accept: text/csv}, as CSV. */
@RestController
@RequestMapping("/api/v1")
class ScorecardController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Scorecards scorecards;

    ScorecardController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    private record Window(Duration period, Instant at) {
    }

    @GetMapping(path = "/teams/{team}/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    Scorecard team(@PathVariable String team, @RequestParam(required = false) String period,
            @RequestParam(required = false) String at) {
        Window window = window(period, at);
        return scorecards.team(team, window.period(), window.at());
    }

    @GetMapping(path = "/teams/{team}/scorecard", produces = "text/csv")
    ResponseEntity<String> teamAsCsv(@PathVariable String team, @RequestParam(required = false) String period,
            @RequestParam(required = false) String at) {
        return csv(team(team, period, at));
    }

    @GetMapping(path = "/services/{service}/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    Scorecard service(@PathVariable String service, @RequestParam(required = false) String period,
            @RequestParam(required = false) String at) {
        Window window = window(period, at);
        return scorecards.service(service, window.period(), window.at());
    }

    @GetMapping(path = "/services/{service}/scorecard", produces = "text/csv")
    ResponseEntity<String> serviceAsCsv(@PathVariable String service, @RequestParam(required = false) String period,
            @RequestParam(required = false) String at) {
        return csv(service(service, period, at));
    }

    private static ResponseEntity<String> csv(Scorecard scorecard) {
        String name = (scorecard.service() != null ? scorecard.service() : scorecard.team()) + "-scorecard.csv";
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(ScorecardCsv.of(scorecard));
    }

    private static Window window(String period, String at) {
        Violations violations = new Violations();
        Duration length = Scorecards.DEFAULT_PERIOD;
        if (period != null) {
            Optional<Duration> parsed = ApiDuration.parse(period);
            if (parsed.isEmpty()) {
                violations.add("period", "must be " + ApiDuration.DESCRIPTION);
            } else {
                length = parsed.get();
                Scorecards.validatePeriod(violations, "period", length);
            }
        }
        Instant end = violations.optionalTime("at", at);
        violations.throwIfAny("The scorecard query is not valid");
        return new Window(length, end);
    }
}
