package dev.tollgate.ingest;

import java.io.IOException;
import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The InfluxDB line protocol at Tollgate's own path and at the paths of both InfluxDB
 * generations, so that Telegraf, Micrometer's influx registry and any InfluxDB client write to
 * Tollgate unchanged. {@code db}, {@code org}, {@code bucket} and {@code rp} are accepted and
 * ignored: a point's service, team and stage tags say where it belongs. 204 means stored.
 */
@RestController
class LineProtocolController {

    private final LineProtocolParser parser;
    private final MetricIngest ingest;
    private final IngestCapacity capacity;
    private final IngestMeters meters;
    private final Clock clock;

    LineProtocolController(MetricIngest ingest, IngestCapacity capacity, IngestMeters meters, Clock clock) {
        // One parser for the application: its caches of series and field keys pay off across requests.
        this.parser = new LineProtocolParser();
        this.ingest = ingest;
        this.capacity = capacity;
        this.meters = meters;
        this.clock = clock;
    }

    @PostMapping("/api/v1/write")
    ResponseEntity<Void> write(@RequestParam(required = false) String precision, HttpServletRequest request) {
        return accept(request, precision, false);
    }

    /** InfluxDB 1.x: {@code precision} may also be {@code n}, {@code u}, {@code m} or {@code h}. */
    @PostMapping("/write")
    ResponseEntity<Void> writeInfluxDb1(@RequestParam(required = false) String precision, HttpServletRequest request) {
        return accept(request, precision, false);
    }

    /** InfluxDB 2.x: precisions {@code ns us ms s} only. */
    @PostMapping("/api/v2/write")
    ResponseEntity<Void> writeInfluxDb2(@RequestParam(required = false) String precision, HttpServletRequest request) {
        return accept(request, precision, true);
    }

    private ResponseEntity<Void> accept(HttpServletRequest request, String precisionName, boolean influxDb2) {
        Precision precision = Precision.named(precisionName)
                .filter(named -> !(influxDb2 && named.onlyInInfluxDb1()))
                .orElseThrow(() -> InvalidInputException.of("precision", influxDb2
                        ? "must be one of ns, us, ms, s" : "must be one of ns, us, ms, s, m, h"));
        capacity.run(() -> {
            LinePoints points = parser.points(read(request), precision, clock.instant());
            if (!points.isValid()) {
                meters.refused("line", "invalid", points.points().size() + points.badLineCount());
                throw new InvalidInputException("No point was stored: " + points.badLineCount()
                        + (points.badLineCount() == 1 ? " line is" : " lines are") + " not valid", points.violations());
            }
            meters.droppedStringFields(points.droppedStringFields());
            return ingest.accept(points.points(), "line");
        });
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private static byte[] read(HttpServletRequest request) {
        try {
            return RequestBodies.read(request);
        } catch (IOException e) {
            throw RequestBodyFaults.unreadable(e);
        }
    }
}
