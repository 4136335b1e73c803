package dev.tollgate.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDefinition;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * The DORA figures of services' production deployments (README "DORA figures";
 * {@link DoraCalculation} says how each is counted). A service's production is the last stage of
 * its stage path; a service without a path has no production deployments. The caller must be
 * allowed to read every service's team.
 */
@Service
public class DeliveryPerformance {

    private final DeploymentRepository deployments;
    private final ServiceCatalog services;
    private final CurrentCaller callers;

    DeliveryPerformance(DeploymentRepository deployments, ServiceCatalog services, CurrentCaller callers) {
        this.deployments = deployments;
        this.services = services;
        this.callers = callers;
    }

    /**
     * The figures of the services' production deployments over {@code [from, to)}, as they stood
     * at {@code to}.
     *
     * @throws NotFoundException when a service is not in the catalog
     * @throws org.springframework.security.access.AccessDeniedException when the caller may not
     *         read a service's team
     */
    @Transactional(readOnly = true)
    public DoraFigures dora(Collection<String> services, Instant from, Instant to) {
        return read(services, from, to).over(from, to);
    }

    /**
     * The figures per bucket of {@code step} over {@code [from, to)}, for sparklines: buckets
     * aligned to {@code from}, the last clipped to {@code to}, each as {@link #dora} would answer
     * it. The deployments are read once for all buckets.
     *
     * @throws NotFoundException when a service is not in the catalog
     * @throws org.springframework.security.access.AccessDeniedException when the caller may not
     *         read a service's team
     */
    @Transactional(readOnly = true)
    public List<DoraFigures> doraPerBucket(Collection<String> services, Instant from, Instant to, Duration step) {
        return read(services, from, to).perBucket(from, to, step);
    }

    /** Checks the caller, then reads what the window needs of the services' production deployments. */
    private DoraCalculation read(Collection<String> serviceIds, Instant from, Instant to) {
        DoraCalculation.checkWindow(from, to);
        Caller caller = callers.get();
        caller.require(Scope.READ);
        Map<String, String> production = new LinkedHashMap<>();
        for (String id : serviceIds) {
            ServiceDefinition service = ServiceLookup.readable(services, caller, id)
                    .orElseThrow(() -> new NotFoundException("Service", id));
            if (!service.stages().isEmpty()) {
                production.put(id, service.stages().getLast());
            }
        }
        return new DoraCalculation(deployments.findAroundWindow(production, from, to));
    }
}
