package dev.tollgate.catalog;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/services")
class ServiceController {

    private final ServiceCatalog services;

    ServiceController(ServiceCatalog services) {
        this.services = services;
    }

    @GetMapping
    List<ServiceDefinition> list(@RequestParam(required = false) String team) {
        return services.list(team, 0, Integer.MAX_VALUE);
    }

    @GetMapping("/{service}")
    ServiceDefinition get(@PathVariable String service) {
        return services.get(service);
    }

    @PutMapping("/{service}")
    ResponseEntity<ServiceDefinition> put(@PathVariable String service, @RequestBody ServiceDraft draft) {
        Saved<ServiceDefinition> saved = services.put(service, draft);
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/v1/services/" + service)).body(saved.value())
                : ResponseEntity.ok(saved.value());
    }

    /** Not in API.md's first draft; admins need it to undo a mistaken PUT. */
    @DeleteMapping("/{service}")
    ResponseEntity<Void> delete(@PathVariable String service) {
        services.delete(service);
        return ResponseEntity.noContent().build();
    }
}
