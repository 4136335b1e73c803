package dev.tollgate.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;

import dev.tollgate.api.ApiTime;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.JsonFaults;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the CloudEvents of a request in the three modes of the CloudEvents HTTP binding:
 * structured ({@code application/cloudevents+json}, one event), batched
 * ({@code application/cloudevents-batch+json}, a JSON array of events) and binary (the attributes
 * in {@code ce-*} headers, the data as the body). Every event must carry the required attributes
 * {@code specversion} (1.0), {@code id}, {@code source} and {@code type}; a fault is named by the
 * index of the event and the attribute.
 */
final class CloudEventReader {

    static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");
    static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");
    static final String SPEC_VERSION = "1.0";
    static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");
    /** Events per request; the body limit of 10 MiB applies as well. */
    static final int MAX_EVENTS = 10_000;

    private final JsonMapper json;

    CloudEventReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * The events of a request that are well-formed; the faults of the others go to {@code violations}.
     *
     * @throws InvalidInputException when the body is not JSON of the shape its mode requires
     * @throws ResponseStatusException (413) when the request holds more than {@link #MAX_EVENTS} events
     */
    List<CloudEvent> read(MediaType contentType, HttpHeaders headers, byte[] body, Violations violations) {
        if (contentType != null && contentType.isCompatibleWith(BATCH)) {
            JsonNode batch = parse(body);
            if (!batch.isArray()) {
                throw InvalidInputException.of("/", "must be a JSON array of CloudEvents");
            }
            if (batch.size() > MAX_EVENTS) {
                throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                        "The request holds more than " + MAX_EVENTS + " events; send them in smaller batches");
            }
            List<CloudEvent> events = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                structured(i, batch.get(i), violations).ifPresent(events::add);
            }
            return events;
        }
        if (contentType != null && contentType.isCompatibleWith(STRUCTURED)) {
            JsonNode event = parse(body);
            if (!event.isObject()) {
                throw InvalidInputException.of("/", "must be a JSON object (a CloudEvent)");
            }
            return structured(0, event, violations).stream().toList();
        }
        return binary(headers, body, violations).stream().toList();
    }

    private Optional<CloudEvent> structured(int index, JsonNode event, Violations violations) {
        List<String> faults = new ArrayList<>();
        if (!event.isObject()) {
            faults.add("must be a JSON object (a CloudEvent)");
            return finish(index, Map.of(), null, null, faults, violations);
        }
        Map<String, String> attributes = new HashMap<>();
        for (String name : REQUIRED) {
            JsonNode value = event.path(name);
            if (value.isMissingNode() || value.isNull()) {
                faults.add("lacks the required CloudEvents attribute '" + name + "'");
            } else if (!value.isString() || value.stringValue().isBlank()) {
                faults.add("has a CloudEvents attribute '" + name + "' that is not a non-empty string");
            } else {
                attributes.put(name, value.stringValue());
            }
        }
        JsonNode time = event.path("time");
        Instant at = time.isMissingNode() || time.isNull() ? null
                : time(time.isString() ? time.stringValue() : "", "'time'", faults);
        JsonNode data = null;
        if (event.hasNonNull("data_base64")) {
            data = base64Data(event.path("data_base64"), faults);
        } else if (event.hasNonNull("data")) {
            data = event.get("data");
        }
        return finish(index, attributes, at, data, faults, violations);
    }

    private Optional<CloudEvent> binary(HttpHeaders headers, byte[] body, Violations violations) {
        List<String> faults = new ArrayList<>();
        Map<String, String> attributes = new HashMap<>();
        for (String name : REQUIRED) {
            String value = headers.getFirst("ce-" + name);
            if (value == null || value.isBlank()) {
                faults.add("lacks the required CloudEvents attribute '" + name + "' (header ce-" + name
                        + "); a binary-mode event carries its attributes in ce-* headers, or send the event as "
                        + STRUCTURED + " or a batch as " + BATCH);
            } else {
                attributes.put(name, value.strip());
            }
        }
        String time = headers.getFirst("ce-time");
        Instant at = time == null ? null : time(time, "'time' (header ce-time)", faults);
        JsonNode data = body == null || body.length == 0 ? null : parseData(body);
        return finish(0, attributes, at, data, faults, violations);
    }

    private static Optional<CloudEvent> finish(int index, Map<String, String> attributes, Instant time, JsonNode data,
            List<String> faults, Violations violations) {
        String specversion = attributes.get("specversion");
        if (specversion != null && !SPEC_VERSION.equals(specversion)) {
            faults.add("has a specversion other than " + SPEC_VERSION + ", the version of CloudEvents Tollgate reads");
        }
        if (!faults.isEmpty()) {
            faults.forEach(fault -> violations.add(Violation.atIndex(index, fault)));
            return Optional.empty();
        }
        return Optional.of(new CloudEvent(index, specversion, attributes.get("id"), attributes.get("source"),
                attributes.get("type"), time, data));
    }

    private static Instant time(String text, String name, List<String> faults) {
        return ApiTime.parse(text).orElseGet(() -> {
            faults.add("has a CloudEvents attribute " + name + " that is not " + ApiTime.DESCRIPTION);
            return null;
        });
    }

    private JsonNode base64Data(JsonNode encoded, List<String> faults) {
        if (!encoded.isString()) {
            faults.add("has data_base64 that is not a string");
            return null;
        }
        try {
            return parseData(Base64.getDecoder().decode(encoded.stringValue().strip()));
        } catch (IllegalArgumentException e) {
            faults.add("has data_base64 that is not valid base64");
            return null;
        }
    }

    /**
     * Data that is not JSON is no fault of the event as such (an event of a type Tollgate ignores
     * may carry anything): it reads as missing, and only an event Tollgate maps refuses it.
     */
    private JsonNode parseData(byte[] bytes) {
        try {
            JsonNode data = json.readTree(bytes);
            return data == null ? json.getNodeFactory().missingNode() : data;
        } catch (JacksonException e) {
            return json.getNodeFactory().missingNode();
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidInputException.of("/", "is missing: the request carries no CloudEvent");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw InvalidInputException.of("/", "is missing: the request carries no CloudEvent");
            }
            return node;
        } catch (JacksonException e) {
            Violation violation = JsonFaults.describe(e);
            throw new InvalidInputException("The request body could not be read: " + violation.pointer() + " "
                    + violation.message(), List.of(violation));
        }
    }
}
