package dev.tollgate.delivery;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.api.Violations;

@RestController
@RequestMapping("/api/v1/deployments")
class DeploymentController {

    private final Deployments deployments;

    DeploymentController(Deployments deployments) {
        this.deployments = deployments;
    }

    /** 200 rather than 201: a report may as well update a deployment as create one. */
    @PostMapping
    Deployment report(@RequestBody DeploymentReport report) {
        return deployments.record(report);
    }

    @GetMapping
    List<Deployment> list(@RequestParam(required = false) String service, @RequestParam(required = false) String stage,
            @RequestParam(required = false) Integer limit) {
        Violations violations = new Violations();
        QueryParameters.check(violations, service, stage, limit, Deployments.MAX_LIMIT);
        violations.throwIfAny("The deployment query is invalid");
        return deployments.list(service, stage, limit == null ? Deployments.DEFAULT_LIMIT : limit);
    }
}
