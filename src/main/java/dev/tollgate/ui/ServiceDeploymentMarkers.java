package dev.tollgate.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.delivery.Deployment;
import dev.tollgate.delivery.Deployments;

/** The deployments of a service (in one stage, or all) as markers on a chart's time axis. */
@Component
class ServiceDeploymentMarkers {

    private final Deployments deployments;
    private final ServiceCatalog services;

    ServiceDeploymentMarkers(Deployments deployments, ServiceCatalog services) {
        this.deployments = deployments;
        this.services = services;
    }

    /** {@code stage} null means every stage; the caller has read the service already. */
    List<TimeSeriesChart.DeploymentMarker> between(String service, String stage, Instant from, Instant to) {
        List<String> stages = stage != null ? List.of(stage) : services.get(service).stages();
        List<TimeSeriesChart.DeploymentMarker> markers = new ArrayList<>();
        for (String each : stages) {
            for (Deployment deployment : deployments.finishedBetween(service, each, from, to)) {
                markers.add(new TimeSeriesChart.DeploymentMarker(deployment.finishedAt(),
                        deployment.version() + (stage == null ? " to " + each : ""), outcome(deployment)));
            }
        }
        markers.sort(Comparator.comparing(TimeSeriesChart.DeploymentMarker::time));
        return markers;
    }

    private static TimeSeriesChart.DeploymentOutcome outcome(Deployment deployment) {
        return switch (deployment.status()) {
            case FAILED -> TimeSeriesChart.DeploymentOutcome.FAILED;
            case ROLLED_BACK -> TimeSeriesChart.DeploymentOutcome.ROLLED_BACK;
            default -> TimeSeriesChart.DeploymentOutcome.SUCCEEDED;
        };
    }
}
