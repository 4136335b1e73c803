package dev.tollgate.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tollgate.api.ApiTime;
import tools.jackson.databind.JsonNode;

/**
 * What a CDEvent (CDEvents 0.4, carried as a CloudEvent) tells Tollgate. Pure: it looks nothing
 * up, so the service a CDEvent names is answered as candidates, in order, for the catalog to pick.
 *
 * <p>The mapping. Any version of these event types is read; every other type is ignored.
 * <ul>
 * <li>{@code dev.cdevents.service.deployed.*} and {@code .upgraded.*} are a deployment that
 * SUCCEEDED, {@code dev.cdevents.service.rolledback.*} one that was ROLLED_BACK:
 *   <ul>
 *   <li>stage: {@code subject.content.environment.id}, as is (it must be a stage of the service);</li>
 *   <li>version: {@code customData.version} if given, else from the package URL in
 *   {@code subject.content.artifactId}: its {@code tag} qualifier for an OCI image (the purl's
 *   version is then the digest, while pipelines name the image by its tag), else its version;</li>
 *   <li>service: the first of these that the catalog knows: {@code customData.service},
 *   {@code subject.id}, the last '/'-separated part of {@code subject.id} ({@code service/checkout}
 *   is {@code checkout}), the name in the package URL;</li>
 *   <li>time: {@code context.timestamp}, else the CloudEvent's {@code time}, else now;</li>
 *   <li>no id: CDEvents carry none per deployment (the event id names the event), so the deployment
 *   is the one of (service, stage, version), and a rolledback event updates the deployment that
 *   the deployed event created;</li>
 *   <li>{@code customData.commit}, {@code .commitTime} and {@code .pipelineRun}, when given, as in
 *   {@code POST /deployments}.</li>
 *   </ul></li>
 * <li>{@code dev.cdevents.testsuiterun.finished.*} is a test run:
 *   <ul>
 *   <li>stage: {@code subject.content.environment.id};</li>
 *   <li>suite: the first valid suite name of {@code customData.suite},
 *   {@code subject.content.testSuite.name}, {@code subject.content.testSuite.id};</li>
 *   <li>service and version: a testSuiteRun names no artifact in CDEvents 0.4, so they come from
 *   {@code customData.service} and {@code customData.version}, or else from a package URL in
 *   {@code subject.content.artifactId} or {@code customData.artifactId} (as above);</li>
 *   <li>counts: {@code customData.passed} and {@code customData.failed} when given (a missing one
 *   is 0); else the outcome ({@code subject.content.outcome}, or {@code status} of earlier
 *   drafts) counts as one test: {@code pass} is passed 1, failed 0, and {@code fail},
 *   {@code error} and {@code cancel} are passed 0, failed 1. An outcome other than {@code pass}
 *   always records at least one failure, so a run that errored or was cancelled never reads as
 *   passed to the gate;</li>
 *   <li>time as above.</li>
 *   </ul></li>
 * </ul>
 */
final class CdEventMapping {

    private static final Pattern MAPPED_TYPE = Pattern.compile(
            "^dev\\.cdevents\\.(service\\.deployed|service\\.upgraded|service\\.rolledback|testsuiterun\\.finished)"
                    + "\\.\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?$");

    static final String STAGE = "subject.content.environment.id";
    static final String TIME = "context.timestamp";

    private CdEventMapping() {
    }

    /** A value a CDEvent offers (a service, a suite), and the field it is in. */
    record Candidate(String value, String field) {
    }

    /** What a CloudEvent becomes. */
    sealed interface Mapped permits AsDeployment, AsTestRun, Ignored, Refused {
        int index();
    }

    /**
     * A deployment report whose service is still to be picked from {@code services}.
     *
     * @param fields the CDEvent field each field of the report came from, to name faults by
     */
    record AsDeployment(int index, List<Candidate> services, DeploymentReport report, Map<String, String> fields)
            implements Mapped {
    }

    record AsTestRun(int index, List<Candidate> services, TestRunReport report, Map<String, String> fields)
            implements Mapped {
    }

    /** An event of a type Tollgate does not map: acknowledged and counted. */
    record Ignored(int index) implements Mapped {
    }

    /** An event of a mapped type that cannot be read; each fault names the CDEvent field. */
    record Refused(int index, List<String> faults) implements Mapped {
    }

    static Mapped map(CloudEvent event) {
        Matcher type = MAPPED_TYPE.matcher(event.type());
        if (!type.matches()) {
            return new Ignored(event.index());
        }
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            return new Refused(event.index(), List.of("carries no CDEvent: the data of a " + type.group(1)
                    + " event must be a CDEvent as a JSON object"));
        }
        return switch (type.group(1)) {
            case "service.rolledback" -> deployment(event, DeploymentStatus.ROLLED_BACK);
            case "testsuiterun.finished" -> testRun(event);
            default -> deployment(event, DeploymentStatus.SUCCEEDED);
        };
    }

    private static Mapped deployment(CloudEvent event, DeploymentStatus status) {
        JsonNode data = event.data();
        JsonNode content = data.path("subject").path("content");
        JsonNode custom = data.path("customData");
        List<String> faults = new ArrayList<>();
        String stage = requiredText(content.path("environment").path("id"), STAGE, faults);
        String artifactId = text(content.path("artifactId"));
        Optional<PackageUrl> artifact = PackageUrl.parse(artifactId);
        String version = text(custom.path("version"));
        String versionField = "customData.version";
        if (version == null) {
            versionField = "subject.content.artifactId";
            version = releaseVersion(artifactId, artifact, versionField, faults);
        }
        Instant time = time(data, event, faults);
        List<Candidate> services = new ArrayList<>();
        candidate(services, text(custom.path("service")), "customData.service");
        String subjectId = text(data.path("subject").path("id"));
        candidate(services, subjectId, "subject.id");
        if (subjectId != null && subjectId.contains("/")) {
            candidate(services, subjectId.substring(subjectId.lastIndexOf('/') + 1), "subject.id");
        }
        artifact.ifPresent(purl -> candidate(services, purl.name(), "subject.content.artifactId"));
        Instant commitTime = optionalTime(custom.path("commitTime"), "customData.commitTime", faults);
        if (!faults.isEmpty()) {
            return new Refused(event.index(), faults);
        }
        DeploymentReport report = new DeploymentReport(null, null, stage, version, status, time,
                text(custom.path("commit")), commitTime, text(custom.path("pipelineRun")));
        return new AsDeployment(event.index(), services, report, Map.of("stage", STAGE, "version", versionField,
                "time", TIME, "commit", "customData.commit", "commitTime", "customData.commitTime",
                "pipelineRun", "customData.pipelineRun"));
    }

    private static Mapped testRun(CloudEvent event) {
        JsonNode data = event.data();
        JsonNode content = data.path("subject").path("content");
        JsonNode custom = data.path("customData");
        List<String> faults = new ArrayList<>();
        String stage = requiredText(content.path("environment").path("id"), STAGE, faults);
        String outcome = text(content.path("outcome"));
        String outcomeField = "subject.content.outcome";
        if (outcome == null && text(content.path("status")) != null) {
            outcome = text(content.path("status"));
            outcomeField = "subject.content.status";
        }
        if (outcome == null) {
            faults.add("subject.content.outcome is required: pass, fail, cancel or error");
        } else if (!List.of("pass", "fail", "cancel", "error").contains(outcome)) {
            faults.add(outcomeField + " must be pass, fail, cancel or error");
        }

        List<Candidate> suites = new ArrayList<>();
        candidate(suites, text(custom.path("suite")), "customData.suite");
        candidate(suites, text(content.path("testSuite").path("name")), "subject.content.testSuite.name");
        candidate(suites, text(content.path("testSuite").path("id")), "subject.content.testSuite.id");
        // The first valid name; when none is valid, the first given, for validation to name.
        Candidate chosen = suites.stream().filter(option -> SuiteName.isValid(option.value())).findFirst()
                .orElse(suites.isEmpty() ? null : suites.getFirst());
        String suite = chosen == null ? null : chosen.value();
        String suiteField = chosen == null ? null : chosen.field();
        if (suite == null) {
            faults.add("subject.content.testSuite is required: its name or id names the suite");
        }

        boolean inContent = content.hasNonNull("artifactId");
        String artifactField = inContent ? "subject.content.artifactId" : "customData.artifactId";
        String artifactId = text((inContent ? content : custom).path("artifactId"));
        Optional<PackageUrl> artifact = PackageUrl.parse(artifactId);
        String version = text(custom.path("version"));
        String versionField = "customData.version";
        if (version == null && artifactId != null) {
            versionField = artifactField;
            version = releaseVersion(artifactId, artifact, artifactField, faults);
        } else if (version == null) {
            faults.add("customData.version is required: a testSuiteRun names no version in CDEvents 0.4, so give"
                    + " customData.version, or a package URL with a version as customData.artifactId");
        }
        List<Candidate> services = new ArrayList<>();
        candidate(services, text(custom.path("service")), "customData.service");
        artifact.ifPresent(purl -> candidate(services, purl.name(), artifactField));
        if (services.isEmpty()) {
            faults.add("customData.service is required: a testSuiteRun names no service in CDEvents 0.4, so give"
                    + " customData.service, or a package URL as customData.artifactId");
        }

        Long passed = count(custom.path("passed"), "customData.passed", faults);
        Long failed = count(custom.path("failed"), "customData.failed", faults);
        Instant time = time(data, event, faults);
        if (!faults.isEmpty()) {
            return new Refused(event.index(), faults);
        }
        boolean pass = outcome.equals("pass");
        if (passed == null && failed == null) {
            passed = pass ? 1L : 0L;
            failed = pass ? 0L : 1L;
        } else {
            passed = passed == null ? 0L : passed;
            failed = failed == null ? 0L : failed;
            if (!pass && failed == 0) {
                failed = 1L;
            }
        }
        TestRunReport report = new TestRunReport(null, stage, version, suite, passed, failed, time);
        return new AsTestRun(event.index(), services, report, Map.of("stage", STAGE, "version", versionField,
                "suite", suiteField, "passed", "customData.passed", "failed", "customData.failed", "time", TIME));
    }

    private static void candidate(List<Candidate> candidates, String value, String field) {
        if (value != null && candidates.stream().noneMatch(candidate -> candidate.value().equals(value))) {
            candidates.add(new Candidate(value, field));
        }
    }

    /** The version a package URL names, or null with the fault named. */
    private static String releaseVersion(String artifactId, Optional<PackageUrl> artifact, String field,
            List<String> faults) {
        if (artifactId == null) {
            faults.add(field + " is required: its package URL names the version deployed");
            return null;
        }
        if (artifact.isEmpty()) {
            faults.add(field + " must be a package URL such as pkg:oci/checkout@sha256%3A…?tag=1.4.2");
            return null;
        }
        String version = artifact.get().releaseVersion().orElse(null);
        if (version == null) {
            faults.add(field + " names no version: pkg:type/name@version, or a tag qualifier for an image");
        }
        return version;
    }

    /** {@code context.timestamp}, else the CloudEvent's time, else null for now. */
    private static Instant time(JsonNode data, CloudEvent event, List<String> faults) {
        Instant timestamp = optionalTime(data.path("context").path("timestamp"), TIME, faults);
        return timestamp != null ? timestamp : event.time();
    }

    private static Instant optionalTime(JsonNode node, String field, List<String> faults) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        Optional<Instant> time = ApiTime.parse(node);
        if (time.isEmpty()) {
            faults.add(field + " must be " + ApiTime.DESCRIPTION);
        }
        return time.orElse(null);
    }

    private static Long count(JsonNode node, String field, List<String> faults) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0
                || node.longValue() > Integer.MAX_VALUE) {
            faults.add(field + " must be a whole number from 0 to " + Integer.MAX_VALUE);
            return null;
        }
        return node.longValue();
    }

    private static String requiredText(JsonNode node, String field, List<String> faults) {
        String text = text(node);
        if (text == null) {
            faults.add(field + " is required");
        }
        return text;
    }

    /** A non-blank string, or null for anything else. */
    private static String text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank() ? node.stringValue().strip() : null;
    }
}
