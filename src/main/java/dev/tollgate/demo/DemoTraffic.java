package dev.tollgate.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a demo service behaves, minute by minute: traffic with a daily and a weekly cycle, a small
 * error and throttle rate, latency around a base, and a few incidents in which errors and latency
 * jump. Seeded per service, so every first start tells the same story.
 */
final class DemoTraffic {

    /** An incident: errors and latency up for a while. */
    record Incident(Instant start, int minutes, double errorRate, double latencyFactor) {

        boolean covers(Instant minute) {
            return !minute.isBefore(start) && minute.isBefore(start.plusSeconds(60L * minutes));
        }
    }

    /** One minute of a service in one stage. */
    record Minute(double requests, double errors, double throttles, double[] latencies, double availability) {
    }

    private final double peakRequests;
    private final double errorRate;
    private final double baseLatency;
    private final List<Incident> incidents;
    private final SplittableRandom random;

    DemoTraffic(double peakRequests, double errorRate, double baseLatency, List<Incident> incidents, long seed) {
        this.peakRequests = peakRequests;
        this.errorRate = errorRate;
        this.baseLatency = baseLatency;
        this.incidents = incidents;
        this.random = new SplittableRandom(seed);
    }

    Minute minute(Instant at, int latencySamples) {
        ZonedDateTime time = at.atZone(ZoneOffset.UTC);
        double hour = time.getHour() + time.getMinute() / 60.0;
        // Busiest mid-afternoon, quietest before dawn; weekends at two thirds.
        double daily = 0.55 + 0.45 * Math.sin((hour - 8) / 24 * 2 * Math.PI);
        double weekly = time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.67 : 1.0;
        double requests = Math.max(0, Math.round(peakRequests * daily * weekly * (0.92 + 0.16 * random.nextDouble())));
        Incident incident = incidents.stream().filter(i -> i.covers(at)).findFirst().orElse(null);
        double rate = incident == null ? errorRate * (0.5 + random.nextDouble()) : incident.errorRate();
        double errors = Math.round(requests * rate);
        double throttles = daily > 0.95 && random.nextDouble() < 0.3 ? Math.round(requests * 0.002 * random.nextDouble()) : 0;
        double latencyFactor = (incident == null ? 1.0 : incident.latencyFactor()) * (0.9 + 0.25 * daily);
        double[] latencies = new double[latencySamples];
        for (int i = 0; i < latencySamples; i++) {
            // Log-normal: most requests near the base, a long tail.
            latencies[i] = Math.round(baseLatency * latencyFactor * Math.exp(0.45 * gaussian()) * 10) / 10.0;
        }
        double availability = requests == 0 ? 100.0 : Math.round((1 - errors / requests) * 100_000) / 1000.0;
        return new Minute(requests, errors, throttles, latencies, availability);
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
