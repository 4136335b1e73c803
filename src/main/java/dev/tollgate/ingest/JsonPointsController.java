package dev.tollgate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.api.AnyYearTimeDeserializer;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.JsonFaults;
import dev.tollgate.api.Violation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/metrics}: a JSON array of points. */
@RestController
class JsonPointsController {

    private static final TypeReference<List<JsonPoint>> POINTS = new TypeReference<>() {
    };

    private final MetricIngest ingest;
    private final IngestCapacity capacity;
    private final JsonMapper json;
    private final ValuePool pool = new ValuePool();

    JsonPointsController(MetricIngest ingest, IngestCapacity capacity, JsonMapper json) {
        this.ingest = ingest;
        this.capacity = capacity;
        this.json = json;
    }

    /** One point as API.md writes it. */
    /** {@code time} of any year: {@link MetricIngest} names one before 1970 among the other bad points. */
    record JsonPoint(String metric, String service, String team, String stage, Double value,
            @JsonDeserialize(using = AnyYearTimeDeserializer.class) Instant time, Map<String, String> tags) {
    }

    record Accepted(int accepted) {
    }

    // The body is read inside the capacity bound, so waiting requests hold no parsed points.
    @PostMapping(path = "/api/v1/metrics", consumes = MediaType.APPLICATION_JSON_VALUE)
    Accepted write(HttpServletRequest request) {
        return capacity.run(() -> new Accepted(ingest.accept(read(request), "json")));
    }

    private List<IncomingPoint> read(HttpServletRequest request) {
        List<JsonPoint> points;
        try (InputStream body = request.getInputStream()) {
            points = json.readValue(body, POINTS);
        } catch (JacksonException e) {
            RequestBodyFaults.rethrow(e);
            Violation violation = JsonFaults.describe(e);
            throw new InvalidInputException("No point was stored: the body is not a valid array of points ("
                    + violation.pointer() + " " + violation.message() + ")", List.of(violation));
        } catch (IOException e) {
            throw RequestBodyFaults.unreadable(e);
        }
        if (points == null) {
            throw InvalidInputException.of("/", "must be an array of points");
        }
        List<IncomingPoint> incoming = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            JsonPoint point = points.get(i);
            if (point == null) {
                throw InvalidInputException.of("/" + i, "must be a point object");
            }
            incoming.add(IncomingPoint.fromJson(i, pool.string(point.metric()), pool.string(point.service()),
                    pool.string(point.team()), pool.string(point.stage()), point.time(), point.value(),
                    pool.tags(point.tags())));
        }
        return incoming;
    }
}
