package dev.tollgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.StrictJson;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;

class CloudEventReaderTest {

    private final CloudEventReader reader = new CloudEventReader(StrictJson.configure(
            tools.jackson.databind.json.JsonMapper.builder()).build());

    private static final String EVENT = "{\"specversion\": \"1.0\", \"id\": \"e1\", \"source\": \"/argo\", "
            + "\"type\": \"dev.cdevents.service.deployed.0.2.0\", \"time\": \"2026-11-26T10:00:00Z\", "
            + "\"datacontenttype\": \"application/json\", \"data\": {\"subject\": {\"id\": \"checkout\"}}}";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<Violation> refusals(MediaType type, HttpHeaders headers, String body) {
        Violations violations = new Violations();
        reader.read(type, headers, bytes(body), violations);
        try {
            violations.throwIfAny("refused");
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        }
    }

    @Test
    void reads_one_event_in_structured_mode() {
        Violations violations = new Violations();

        List<CloudEvent> events = reader.read(CloudEventReader.STRUCTURED, new HttpHeaders(), bytes(EVENT), violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.index()).isZero();
            assertThat(event.id()).isEqualTo("e1");
            assertThat(event.source()).isEqualTo("/argo");
            assertThat(event.type()).isEqualTo("dev.cdevents.service.deployed.0.2.0");
            assertThat(event.time()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
            assertThat(event.data().path("subject").path("id").asString()).isEqualTo("checkout");
        });
    }

    @Test
    void reads_every_event_of_a_batch_with_its_index() {
        String batch = "[" + EVENT + ", " + EVENT.replace("\"e1\"", "\"e2\"") + "]";

        List<CloudEvent> events = reader.read(CloudEventReader.BATCH, new HttpHeaders(), bytes(batch), new Violations());

        assertThat(events).extracting(CloudEvent::index, CloudEvent::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, "e1"), org.assertj.core.groups.Tuple.tuple(1, "e2"));
    }

    @Test
    void reads_an_event_in_binary_mode_from_its_headers_and_body() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("ce-specversion", "1.0");
        headers.add("ce-id", "e3");
        headers.add("ce-source", "/tekton");
        headers.add("ce-type", "dev.cdevents.testsuiterun.finished.0.2.0");
        headers.add("ce-time", "2026-11-26T11:00:00+01:00");

        List<CloudEvent> events = reader.read(MediaType.APPLICATION_JSON, headers, bytes("{\"subject\": {}}"), new Violations());

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo("e3");
            assertThat(event.type()).isEqualTo("dev.cdevents.testsuiterun.finished.0.2.0");
            assertThat(event.time()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
            assertThat(event.data().path("subject").isObject()).isTrue();
        });
    }

    @Test
    void reads_data_sent_as_base64() {
        String event = EVENT.replace("\"data\": {\"subject\": {\"id\": \"checkout\"}}", "\"data_base64\": \""
                + Base64.getEncoder().encodeToString(bytes("{\"subject\": {\"id\": \"ledger\"}}")) + "\"");

        List<CloudEvent> events = reader.read(CloudEventReader.STRUCTURED, new HttpHeaders(), bytes(event), new Violations());

        assertThat(events.getFirst().data().path("subject").path("id").asString()).isEqualTo("ledger");
    }

    @Test
    void names_the_index_and_the_attribute_of_each_event_that_lacks_one() {
        String batch = "[" + EVENT + ", " + EVENT.replace("\"id\": \"e1\", ", "") + ", "
                + EVENT.replace("\"source\": \"/argo\", ", "").replace("\"1.0\"", "\"0.3\"") + "]";

        List<Violation> refused = refusals(CloudEventReader.BATCH, new HttpHeaders(), batch);

        assertThat(refused).extracting(Violation::index, Violation::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(1, "lacks the required CloudEvents attribute 'id'"),
                org.assertj.core.groups.Tuple.tuple(2, "lacks the required CloudEvents attribute 'source'"),
                org.assertj.core.groups.Tuple.tuple(2, "has a specversion other than 1.0, the version of CloudEvents Tollgate reads"));
        assertThat(refused).allSatisfy(violation -> assertThat(violation.pointer()).isNull());
    }

    @Test
    void refuses_attributes_that_are_no_strings_and_elements_that_are_no_events() {
        List<Violation> refused = refusals(CloudEventReader.BATCH, new HttpHeaders(),
                "[" + EVENT.replace("\"e1\"", "17") + ", 42, " + EVENT.replace("\"2026-11-26T10:00:00Z\"", "\"noon\"") + "]");

        assertThat(refused).extracting(Violation::index).containsExactly(0, 1, 2);
        assertThat(refused.get(0).message()).contains("'id'");
        assertThat(refused.get(1).message()).contains("JSON object");
        assertThat(refused.get(2).message()).contains("'time'");
    }

    @Test
    void a_binary_event_without_its_headers_is_refused_naming_each_header() {
        List<Violation> refused = refusals(MediaType.APPLICATION_JSON, new HttpHeaders(), "{}");

        assertThat(refused).hasSize(4).allSatisfy(violation -> assertThat(violation.index()).isZero())
                .extracting(Violation::message).anySatisfy(message -> assertThat(message).contains("'specversion'", "ce-specversion"))
                .anySatisfy(message -> assertThat(message).contains("'type'", "ce-type"));
    }

    @Test
    void a_body_that_is_not_json_of_its_mode_is_refused_whole() {
        assertThatThrownBy(() -> reader.read(CloudEventReader.STRUCTURED, new HttpHeaders(), bytes("[" + EVENT + "]"), new Violations()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> reader.read(CloudEventReader.BATCH, new HttpHeaders(), bytes(EVENT), new Violations()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> reader.read(CloudEventReader.BATCH, new HttpHeaders(), bytes("[{]"), new Violations()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> reader.read(CloudEventReader.STRUCTURED, new HttpHeaders(), new byte[0], new Violations()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void data_that_is_not_json_reads_as_missing_and_is_no_fault_of_the_event() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("ce-specversion", "1.0");
        headers.add("ce-id", "e4");
        headers.add("ce-source", "/x");
        headers.add("ce-type", "com.example.other");
        Violations violations = new Violations();

        List<CloudEvent> events = reader.read(MediaType.APPLICATION_JSON, headers, bytes("not json"), violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(events.getFirst().data().isMissingNode()).isTrue();
    }

    @Test
    void a_batch_of_more_than_ten_thousand_events_is_too_large() {
        String batch = IntStream.range(0, CloudEventReader.MAX_EVENTS + 1).mapToObj(i -> "{}")
                .collect(Collectors.joining(",", "[", "]"));

        assertThatThrownBy(() -> reader.read(CloudEventReader.BATCH, new HttpHeaders(), bytes(batch), new Violations()))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }
}
