package dev.tollgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tollgate.delivery.CdEventMapping.AsDeployment;
import dev.tollgate.delivery.CdEventMapping.AsTestRun;
import dev.tollgate.delivery.CdEventMapping.Candidate;
import dev.tollgate.delivery.CdEventMapping.Ignored;
import dev.tollgate.delivery.CdEventMapping.Mapped;
import dev.tollgate.delivery.CdEventMapping.Refused;
import tools.jackson.databind.json.JsonMapper;

class CdEventMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant EVENT_TIME = Instant.parse("2026-11-26T12:00:00Z");

    /** A CDEvent of CDEvents 0.4 as its spec shows one, with {@code content} and {@code customData} spliced in. */
    private static CloudEvent event(String type, String subjectId, String content, String customData) {
        String data = "{\"context\": {\"version\": \"0.4.1\", \"id\": \"271069a8\", \"source\": \"/tekton/prod\", "
                + "\"type\": \"" + type + "\", \"timestamp\": \"2026-11-26T10:15:00Z\"}, "
                + "\"subject\": {\"id\": \"" + subjectId + "\", \"source\": \"/tekton/prod\", \"content\": " + content + "}"
                + (customData == null ? "" : ", \"customData\": " + customData) + "}";
        return new CloudEvent(3, "1.0", "271069a8", "/tekton/prod", type, EVENT_TIME, JSON.readTree(data));
    }

    private static Mapped deployed(String type, String content) {
        return CdEventMapping.map(event(type, "service/checkout", content, null));
    }

    private static final String PROD_IMAGE = "{\"environment\": {\"id\": \"prod\", \"source\": \"/argo\"}, "
            + "\"artifactId\": \"pkg:oci/checkout-image@sha256%3A0b31b1c0?repository_url=ghcr.io/acme&tag=1.4.2\"}";

    @Test
    void a_service_deployed_event_is_a_deployment_that_succeeded() {
        Mapped mapped = deployed("dev.cdevents.service.deployed.0.2.0", PROD_IMAGE);

        assertThat(mapped).isInstanceOfSatisfying(AsDeployment.class, deployment -> {
            assertThat(deployment.index()).isEqualTo(3);
            assertThat(deployment.report().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
            assertThat(deployment.report().stage()).isEqualTo("prod");
            assertThat(deployment.report().version()).as("an image is called by its tag").isEqualTo("1.4.2");
            assertThat(deployment.report().time()).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
            assertThat(deployment.report().id()).as("CDEvents carry no id per deployment").isNull();
            assertThat(deployment.services()).containsExactly(new Candidate("service/checkout", "subject.id"),
                    new Candidate("checkout", "subject.id"), new Candidate("checkout-image", "subject.content.artifactId"));
            assertThat(deployment.fields()).containsEntry("stage", "subject.content.environment.id")
                    .containsEntry("version", "subject.content.artifactId");
        });
    }

    @Test
    void a_service_upgraded_event_is_a_deployment_that_succeeded_too() {
        assertThat(deployed("dev.cdevents.service.upgraded.0.2.0", PROD_IMAGE)).isInstanceOfSatisfying(AsDeployment.class,
                deployment -> assertThat(deployment.report().status()).isEqualTo(DeploymentStatus.SUCCEEDED));
    }

    @Test
    void a_service_rolledback_event_is_a_deployment_that_was_rolled_back() {
        assertThat(deployed("dev.cdevents.service.rolledback.0.1.1", PROD_IMAGE)).isInstanceOfSatisfying(AsDeployment.class,
                deployment -> assertThat(deployment.report().status()).isEqualTo(DeploymentStatus.ROLLED_BACK));
    }

    @Test
    void reads_the_version_of_any_package_url_and_the_digest_of_an_untagged_image() {
        assertThat(deployed("dev.cdevents.service.deployed.0.2.0",
                "{\"environment\": {\"id\": \"prod\"}, \"artifactId\": \"pkg:maven/dev.acme/ledger@2.0.1\"}"))
                .isInstanceOfSatisfying(AsDeployment.class, deployment -> {
                    assertThat(deployment.report().version()).isEqualTo("2.0.1");
                    assertThat(deployment.services()).extracting(Candidate::value).endsWith("ledger");
                });
        assertThat(deployed("dev.cdevents.service.deployed.0.2.0",
                "{\"environment\": {\"id\": \"prod\"}, \"artifactId\": \"pkg:oci/ledger@sha256%3Aabc\"}"))
                .isInstanceOfSatisfying(AsDeployment.class,
                        deployment -> assertThat(deployment.report().version()).isEqualTo("sha256:abc"));
    }

    @Test
    void custom_data_names_the_service_version_and_commit_first() {
        Mapped mapped = CdEventMapping.map(event("dev.cdevents.service.deployed.0.2.0", "deploy-17", PROD_IMAGE,
                "{\"service\": \"ledger\", \"version\": \"2026.11.26\", \"commit\": \"0b31b1c0\", "
                        + "\"commitTime\": \"2026-11-26T09:00:00Z\", \"pipelineRun\": \"https://ci/runs/17\"}"));

        assertThat(mapped).isInstanceOfSatisfying(AsDeployment.class, deployment -> {
            assertThat(deployment.services()).first().isEqualTo(new Candidate("ledger", "customData.service"));
            assertThat(deployment.report().version()).isEqualTo("2026.11.26");
            assertThat(deployment.fields()).containsEntry("version", "customData.version");
            assertThat(deployment.report().commit()).isEqualTo("0b31b1c0");
            assertThat(deployment.report().commitTime()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
            assertThat(deployment.report().pipelineRun()).isEqualTo("https://ci/runs/17");
        });
    }

    @Test
    void without_a_timestamp_the_time_of_the_cloud_event_counts() {
        CloudEvent event = new CloudEvent(0, "1.0", "e1", "/argo", "dev.cdevents.service.deployed.0.2.0", EVENT_TIME,
                JSON.readTree("{\"subject\": {\"id\": \"checkout\", \"content\": " + PROD_IMAGE + "}}"));

        assertThat(CdEventMapping.map(event)).isInstanceOfSatisfying(AsDeployment.class,
                deployment -> assertThat(deployment.report().time()).isEqualTo(EVENT_TIME));
    }

    @Test
    void a_deployment_event_without_environment_or_artifact_is_refused_naming_the_fields() {
        assertThat(deployed("dev.cdevents.service.deployed.0.2.0", "{}")).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.index()).isEqualTo(3);
            assertThat(refused.faults()).hasSize(2).anySatisfy(fault -> assertThat(fault).startsWith("subject.content.environment.id"))
                    .anySatisfy(fault -> assertThat(fault).startsWith("subject.content.artifactId"));
        });
        assertThat(deployed("dev.cdevents.service.deployed.0.2.0",
                "{\"environment\": {\"id\": \"prod\"}, \"artifactId\": \"checkout:1.0\"}"))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.faults()).singleElement()
                        .asString().contains("subject.content.artifactId", "package URL"));
        assertThat(deployed("dev.cdevents.service.deployed.0.2.0",
                "{\"environment\": {\"id\": \"prod\"}, \"artifactId\": \"pkg:npm/checkout\"}"))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.faults()).singleElement()
                        .asString().contains("names no version"));
    }

    @Test
    void a_mapped_event_without_a_cdevent_as_data_is_refused() {
        CloudEvent event = new CloudEvent(1, "1.0", "e1", "/argo", "dev.cdevents.service.deployed.0.2.0", null, null);

        assertThat(CdEventMapping.map(event)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.faults()).singleElement().asString().contains("carries no CDEvent"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev.cdevents.pipelinerun.started.0.2.0", "dev.cdevents.service.removed.0.2.0",
            "dev.cdevents.service.published.0.2.0", "dev.cdevents.testsuiterun.started.0.2.0",
            "dev.cdevents.testcaserun.finished.0.2.0", "dev.cdevents.service.deployed", "com.example.build.done",
            "dev.cdevents.service.deployedx.0.2.0" })
    void every_other_type_is_ignored_whatever_its_data(String type) {
        CloudEvent event = new CloudEvent(2, "1.0", "e1", "/x", type, null, null);

        assertThat(CdEventMapping.map(event)).isEqualTo(new Ignored(2));
    }

    @Test
    void a_type_of_any_version_is_mapped() {
        assertThat(deployed("dev.cdevents.service.deployed.0.3.0-draft", PROD_IMAGE)).isInstanceOf(AsDeployment.class);
        assertThat(deployed("dev.cdevents.service.deployed.1.0.0", PROD_IMAGE)).isInstanceOf(AsDeployment.class);
    }

    // Test suite runs.

    private static Mapped suiteRun(String content, String customData) {
        return CdEventMapping.map(event("dev.cdevents.testsuiterun.finished.0.2.0", "run-123", content, customData));
    }

    private static String suiteContent(String outcome) {
        return "{\"environment\": {\"id\": \"beta\"}, \"testSuite\": {\"id\": \"92834723894\", \"name\": \"integration\"}, "
                + "\"outcome\": \"" + outcome + "\"}";
    }

    private static final String CHECKOUT_1_4_2 = "{\"service\": \"checkout\", \"version\": \"1.4.2\"}";

    @Test
    void a_suite_that_passed_is_one_test_passed_when_it_carries_no_counts() {
        assertThat(suiteRun(suiteContent("pass"), CHECKOUT_1_4_2)).isInstanceOfSatisfying(AsTestRun.class, run -> {
            assertThat(run.report().stage()).isEqualTo("beta");
            assertThat(run.report().version()).isEqualTo("1.4.2");
            assertThat(run.report().suite()).isEqualTo("integration");
            assertThat(run.report().passed()).isEqualTo(1);
            assertThat(run.report().failed()).isZero();
            assertThat(run.report().time()).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
            assertThat(run.services()).containsExactly(new Candidate("checkout", "customData.service"));
            assertThat(run.fields()).containsEntry("suite", "subject.content.testSuite.name");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "fail", "error", "cancel" })
    void a_suite_that_did_not_pass_is_one_test_failed(String outcome) {
        assertThat(suiteRun(suiteContent(outcome), CHECKOUT_1_4_2)).isInstanceOfSatisfying(AsTestRun.class, run -> {
            assertThat(run.report().passed()).isZero();
            assertThat(run.report().failed()).isEqualTo(1);
        });
    }

    @Test
    void counts_in_custom_data_are_taken_as_given() {
        assertThat(suiteRun(suiteContent("fail"), "{\"service\": \"checkout\", \"version\": \"1.4.2\", \"passed\": 118, "
                + "\"failed\": 2}")).isInstanceOfSatisfying(AsTestRun.class, run -> {
                    assertThat(run.report().passed()).isEqualTo(118);
                    assertThat(run.report().failed()).isEqualTo(2);
                });
        assertThat(suiteRun(suiteContent("pass"), "{\"service\": \"checkout\", \"version\": \"1.4.2\", \"passed\": 40}"))
                .isInstanceOfSatisfying(AsTestRun.class, run -> assertThat(run.report().failed()).isZero());
    }

    @Test
    void a_suite_that_did_not_pass_never_reads_as_passed_whatever_its_counts() {
        assertThat(suiteRun(suiteContent("error"), "{\"service\": \"checkout\", \"version\": \"1.4.2\", \"passed\": 12, "
                + "\"failed\": 0}")).isInstanceOfSatisfying(AsTestRun.class, run -> {
                    assertThat(run.report().passed()).isEqualTo(12);
                    assertThat(run.report().failed()).isEqualTo(1);
                });
    }

    @Test
    void reads_the_status_of_earlier_drafts_when_there_is_no_outcome() {
        assertThat(suiteRun("{\"environment\": {\"id\": \"beta\"}, \"testSuite\": {\"id\": \"unit\"}, \"status\": \"fail\"}",
                CHECKOUT_1_4_2)).isInstanceOfSatisfying(AsTestRun.class, run -> {
                    assertThat(run.report().failed()).isEqualTo(1);
                    assertThat(run.report().suite()).isEqualTo("unit");
                });
    }

    @Test
    void the_suite_is_the_first_valid_name_of_custom_data_the_suite_name_and_the_suite_id() {
        assertThat(suiteRun("{\"environment\": {\"id\": \"beta\"}, \"testSuite\": {\"id\": \"92834723894\", "
                + "\"name\": \"Auth TestSuite\"}, \"outcome\": \"pass\"}", CHECKOUT_1_4_2))
                .isInstanceOfSatisfying(AsTestRun.class, run -> {
                    assertThat(run.report().suite()).isEqualTo("92834723894");
                    assertThat(run.fields()).containsEntry("suite", "subject.content.testSuite.id");
                });
        assertThat(suiteRun(suiteContent("pass"), "{\"service\": \"checkout\", \"version\": \"1.4.2\", \"suite\": \"e2e\"}"))
                .isInstanceOfSatisfying(AsTestRun.class, run -> assertThat(run.report().suite()).isEqualTo("e2e"));
    }

    @Test
    void the_service_and_version_of_a_suite_run_may_come_from_a_package_url() {
        assertThat(suiteRun(suiteContent("pass"), "{\"artifactId\": \"pkg:oci/checkout@sha256%3Aabc?tag=2.0.0\"}"))
                .isInstanceOfSatisfying(AsTestRun.class, run -> {
                    assertThat(run.report().version()).isEqualTo("2.0.0");
                    assertThat(run.services()).containsExactly(new Candidate("checkout", "customData.artifactId"));
                    assertThat(run.fields()).containsEntry("version", "customData.artifactId");
                });
    }

    @Test
    void a_suite_run_that_names_no_service_version_suite_or_outcome_is_refused_naming_each() {
        assertThat(suiteRun("{\"environment\": {\"id\": \"beta\"}}", null)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.faults()).hasSize(4)
                        .anySatisfy(fault -> assertThat(fault).startsWith("subject.content.outcome"))
                        .anySatisfy(fault -> assertThat(fault).startsWith("subject.content.testSuite"))
                        .anySatisfy(fault -> assertThat(fault).startsWith("customData.version"))
                        .anySatisfy(fault -> assertThat(fault).startsWith("customData.service")));
        assertThat(suiteRun(suiteContent("skipped"), CHECKOUT_1_4_2)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.faults()).singleElement().asString()
                        .isEqualTo("subject.content.outcome must be pass, fail, cancel or error"));
        assertThat(suiteRun(suiteContent("pass"), "{\"service\": \"checkout\", \"version\": \"1\", \"failed\": -1}"))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.faults()).singleElement().asString()
                        .startsWith("customData.failed must be a whole number"));
    }

    @Test
    void a_timestamp_that_is_no_time_is_refused() {
        CloudEvent event = new CloudEvent(0, "1.0", "e1", "/argo", "dev.cdevents.service.deployed.0.2.0", null,
                JSON.readTree("{\"context\": {\"timestamp\": \"yesterday\"}, \"subject\": {\"id\": \"checkout\", "
                        + "\"content\": " + PROD_IMAGE + "}}"));

        assertThat(CdEventMapping.map(event)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.faults()).singleElement().asString().startsWith("context.timestamp must be"));
    }
}
