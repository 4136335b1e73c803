package dev.tollgate.security;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.api.Violations;

@RestController
class AuditController {

    private static final int DEFAULT_LIMIT = 100;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    List<AuditEvent> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId, @RequestParam(required = false) Integer limit) {
        Violations violations = new Violations();
        Instant fromTime = violations.optionalTime("from", from);
        Instant toTime = violations.optionalTime("to", to);
        if (limit != null && (limit < 1 || limit > AuditLog.MAX_LIMIT)) {
            violations.add("limit", "must be between 1 and " + AuditLog.MAX_LIMIT);
        }
        violations.throwIfAny("The audit log query is invalid");
        return audit.find(new AuditQuery(fromTime, toTime, actor, targetType, targetId), 0,
                limit == null ? DEFAULT_LIMIT : limit);
    }
}
