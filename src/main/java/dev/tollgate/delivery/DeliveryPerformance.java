package dev.tollgate.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

/** The DORA figures of services' production deployments (README "DORA figures"). */
@Service
public class DeliveryPerformance {

    /** The figures of the services' production deployments over {@code [from, to)}. */
    public DoraFigures dora(Collection<String> services, Instant from, Instant to) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The figures per bucket of {@code step} over {@code [from, to)}, for sparklines; buckets aligned to {@code from}. */
    public List<DoraFigures> doraPerBucket(Collection<String> services, Instant from, Instant to, Duration step) {
        throw new UnsupportedOperationException("not built yet");
    }
}
