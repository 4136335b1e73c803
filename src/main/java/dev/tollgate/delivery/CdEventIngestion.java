package dev.tollgate.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.Identifier;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.delivery.CdEventMapping.AsDeployment;
import dev.tollgate.delivery.CdEventMapping.AsTestRun;
import dev.tollgate.delivery.CdEventMapping.Candidate;
import dev.tollgate.delivery.CdEventMapping.Ignored;
import dev.tollgate.delivery.CdEventMapping.Mapped;
import dev.tollgate.delivery.CdEventMapping.Refused;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * CDEvents carried as CloudEvents ({@link CloudEventReader}, {@link CdEventMapping}) into
 * deployments and test runs: all of a request's events or none. Events of other types are
 * counted and dropped, never refused, so that a broker can send Tollgate everything it has.
 */
@Service
public class CdEventIngestion {

    private final Deployments deployments;
    private final TestRuns testRuns;
    private final ServiceCatalog services;
    private final CurrentCaller callers;
    private final CloudEventReader reader;

    CdEventIngestion(Deployments deployments, TestRuns testRuns, ServiceCatalog services, CurrentCaller callers,
            JsonMapper json) {
        this.deployments = deployments;
        this.testRuns = testRuns;
        this.services = services;
        this.callers = callers;
        this.reader = new CloudEventReader(json);
    }

    /** Reads, checks and stores the events of one request in the mode its content type says. */
    @Transactional
    public CdEventsReceipt receive(MediaType contentType, HttpHeaders headers, byte[] body) {
        Caller caller = callers.get();
        caller.require(Scope.INGEST);
        Violations violations = new Violations();
        List<CloudEvent> events = reader.read(contentType, headers, body, violations);

        ServiceLookup lookup = new ServiceLookup(services);
        List<Reported<DeploymentReport>> deploymentReports = new ArrayList<>();
        List<Reported<TestRunReport>> testRunReports = new ArrayList<>();
        int ignored = 0;
        for (CloudEvent event : events) {
            Mapped mapped = CdEventMapping.map(event);
            switch (mapped) {
                case Ignored i -> ignored++;
                case Refused refused -> refused.faults()
                        .forEach(fault -> violations.add(Violation.atIndex(refused.index(), fault)));
                case AsDeployment deployment -> pick(deployment.index(), deployment.services(), lookup, violations)
                        .ifPresent(service -> deploymentReports.add(reported(deployment.index(),
                                withService(deployment.report(), service.value()), fields(deployment.fields(), service))));
                case AsTestRun run -> pick(run.index(), run.services(), lookup, violations)
                        .ifPresent(service -> testRunReports.add(reported(run.index(),
                                withService(run.report(), service.value()), fields(run.fields(), service))));
            }
        }
        deployments.validate(caller, deploymentReports, lookup, violations);
        testRuns.validate(caller, testRunReports, lookup, violations);
        violations.throwIfAny("No event was stored");

        deployments.store(deploymentReports);
        testRuns.store(testRunReports);
        return new CdEventsReceipt(deploymentReports.size() + testRunReports.size(), ignored);
    }

    /** The first candidate the catalog knows; none is a fault of the event. */
    private static Optional<Candidate> pick(int index, List<Candidate> candidates, ServiceLookup lookup,
            Violations violations) {
        Optional<Candidate> known = candidates.stream()
                .filter(candidate -> Identifier.isValid(candidate.value())
                        && lookup.find(candidate.value()).isPresent())
                .findFirst();
        if (known.isEmpty()) {
            violations.add(Violation.atIndex(index, candidates.isEmpty() ? "names no service"
                    : "names no service in the catalog (looked in " + String.join(", ",
                            candidates.stream().map(Candidate::field).distinct().toList()) + ")"));
        }
        return known;
    }

    private static Map<String, String> fields(Map<String, String> fields, Candidate service) {
        Map<String, String> all = new HashMap<>(fields);
        all.put("service", service.field());
        return all;
    }

    private static <T> Reported<T> reported(int index, T report, Map<String, String> fields) {
        return new Reported<>(report, (field, message) -> Violation.atIndex(index,
                fields.getOrDefault(field, field) + ": " + message));
    }

    private static DeploymentReport withService(DeploymentReport r, String service) {
        return new DeploymentReport(r.id(), service, r.stage(), r.version(), r.status(), r.time(), r.commit(),
                r.commitTime(), r.pipelineRun());
    }

    private static TestRunReport withService(TestRunReport r, String service) {
        return new TestRunReport(service, r.stage(), r.version(), r.suite(), r.passed(), r.failed(), r.time());
    }
}
