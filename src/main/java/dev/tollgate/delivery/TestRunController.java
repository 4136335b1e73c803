package dev.tollgate.delivery;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.api.Violations;

@RestController
@RequestMapping("/api/v1/test-runs")
class TestRunController {

    private final TestRuns runs;

    TestRunController(TestRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    TestRun report(@RequestBody TestRunReport report) {
        return runs.record(report);
    }

    /** Not in API.md: a listing for scripts, and for a look at what the gate will see. */
    @GetMapping
    List<TestRun> list(@RequestParam(required = false) String service, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String version, @RequestParam(required = false) Integer limit) {
        Violations violations = new Violations();
        QueryParameters.check(violations, service, stage, limit, TestRuns.MAX_LIMIT);
        if (version != null && !Version.isValid(version)) {
            violations.add("version", "must be " + Version.DESCRIPTION);
        }
        violations.throwIfAny("The test run query is invalid");
        return runs.list(service, stage, version, limit == null ? TestRuns.DEFAULT_LIMIT : limit);
    }
}
