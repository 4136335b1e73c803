package dev.tollgate.gate;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/overrides")
class OverrideController {

    private final Overrides overrides;

    OverrideController(Overrides overrides) {
        this.overrides = overrides;
    }

    @PostMapping
    ResponseEntity<GateOverride> create(@RequestBody OverrideRequest request) {
        GateOverride override = overrides.create(request);
        return ResponseEntity.created(URI.create("/api/v1/overrides/" + override.id())).body(override);
    }

    /** Those in force, newest first; {@code all=true} adds the expired and revoked ones. */
    @GetMapping
    List<GateOverride> list(@RequestParam(required = false) String service,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "" + Overrides.DEFAULT_LIMIT) int limit) {
        return overrides.list(service, all, limit);
    }

    @GetMapping("/{id}")
    GateOverride get(@PathVariable String id) {
        return overrides.get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        overrides.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
