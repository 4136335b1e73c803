package dev.tollgate.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.CatalogSection;
import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The promotion rules (API.md "Rules"): written and deleted with 'admin', read with 'read'. A
 * rule belongs to the team of its scope (the team, or the team owning the service); a rule for
 * every service belongs to no team, so only callers bound to no team may write it, while every
 * reader sees it (it gates their services too). Every change is a new version, kept, and audited.
 */
@Service
public class Rules {

    /** What the {@code document} column holds at most. */
    static final int MAX_DOCUMENT_LENGTH = 16_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RuleRepository rules;
    private final TeamCatalog teams;
    private final ServiceCatalog services;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final Clock clock;

    Rules(RuleRepository rules, TeamCatalog teams, ServiceCatalog services, CurrentCaller callers, AuditLog audit,
            Clock clock) {
        this.rules = rules;
        this.teams = teams;
        this.services = services;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    /** A rule as the API answers it, and whether the write created it or changed it. */
    public record Written(ObjectNode rule, boolean created, boolean changed) {
    }

    /**
     * Creates or replaces rule {@code id} from its JSON; refused whole, naming every fault. The same
     * rule again changes nothing, not even its version (and needs no right to change it: a
     * team-bound caller can apply its own export, rules for every service included).
     */
    @Transactional
    public Written put(String id, JsonNode body) {
        Caller caller = callers.get();
        caller.require(Scope.ADMIN);
        Violations violations = new Violations();
        Rule rule = read(violations, id, body, CatalogSection.DocumentItems.NONE).orElse(null);
        violations.throwIfAny("The rule was not saved");
        String document = RuleWriter.write(rule).toString();
        StoredRule before = rules.find(id).orElse(null);
        if (before != null && before.document().equals(document)) {
            return new Written(answer(before), false, false);
        }
        if (before != null) {
            requireWrite(caller, before.team(), before.service());
        }
        requireWrite(caller, rule.scope().team(), rule.scope().service());
        Instant now = clock.instant();
        int version = rules.save(id, rule.scope().team(), rule.scope().service(), document, now, caller.actor());
        audit.record(before == null ? "RULE_CREATED" : "RULE_UPDATED", "rule", id,
                "version " + version + ": " + rule.kind() + " '" + rule.name() + "'");
        return new Written(answer(new StoredRule(id, version, rule.scope().team(), rule.scope().service(), document,
                now)), before == null, true);
    }

    /**
     * The faults {@link #put} would refuse rule {@code id} for, every one at its pointer, without
     * writing anything: an editor shows them while the rule is typed (a CEL expression's compile
     * error with its line and column, say). Reading is enough, as a check reveals no more than the
     * catalog a reader sees already.
     */
    @Transactional(readOnly = true)
    public List<Violation> check(String id, JsonNode body) {
        callers.get().require(Scope.READ);
        Violations violations = new Violations();
        read(violations, id, body, CatalogSection.DocumentItems.NONE);
        return violations.list();
    }

    /**
     * Checks a rule of a catalog document, noting its faults in {@code violations} (pointers
     * relative to the rule); its scope may name teams and services the document brings.
     */
    void validate(Violations violations, String id, JsonNode body, CatalogSection.DocumentItems document) {
        read(violations, id, body, document);
    }

    /** Every rule the caller may read, as a catalog document lists it: its JSON with its id. */
    @Transactional(readOnly = true)
    public List<Object> export() {
        List<Object> exported = new ArrayList<>();
        for (ObjectNode rule : list(null, null)) {
            rule.remove("version");
            rule.remove("updatedAt");
            exported.add(rule);
        }
        return exported;
    }

    private Optional<Rule> read(Violations violations, String id, JsonNode body, CatalogSection.DocumentItems document) {
        int before = violations.count();
        Optional<Rule> rule = new RuleReader(violations).read(id, body);
        rule.ifPresent(read -> checkScope(read.scope(), violations, document));
        String written = rule.map(read -> RuleWriter.write(read).toString()).orElse("");
        if (written.length() > MAX_DOCUMENT_LENGTH) {
            violations.add("/", "the rule is too large: its JSON has at most " + MAX_DOCUMENT_LENGTH + " characters");
        }
        return violations.count() == before ? rule : Optional.empty();
    }

    @Transactional(readOnly = true)
    public ObjectNode get(String id) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        StoredRule rule = rules.find(id).orElseThrow(() -> new NotFoundException("Rule", id));
        if (!mayRead(caller, rule, ownersOf(List.of(rule)))) {
            throw new AccessDeniedException("Not allowed to read rule '" + id + "'");
        }
        return answer(rule);
    }

    /** The rules the caller may read, in id order, narrowed to a team's or a service's scope when asked. */
    @Transactional(readOnly = true)
    public List<ObjectNode> list(String team, String service) {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        Violations violations = new Violations();
        if (team != null) {
            violations.identifier("team", team);
        }
        if (service != null) {
            violations.identifier("service", service);
        }
        violations.throwIfAny("The filter is invalid");
        List<StoredRule> found = rules.list(team, service);
        Map<String, String> owners = ownersOf(found);
        List<ObjectNode> visible = new ArrayList<>();
        for (StoredRule rule : found) {
            if (mayRead(caller, rule, owners)) {
                visible.add(answer(rule));
            }
        }
        return visible;
    }

    @Transactional
    public void delete(String id) {
        Caller caller = callers.get();
        caller.require(Scope.ADMIN);
        StoredRule rule = rules.find(id).orElseThrow(() -> new NotFoundException("Rule", id));
        requireWrite(caller, rule.team(), rule.service());
        rules.delete(id, clock.instant(), caller.actor());
        audit.record("RULE_DELETED", "rule", id, "after version " + rule.version());
    }

    private void checkScope(Rule.Scope scope, Violations violations, CatalogSection.DocumentItems document) {
        if (scope.team() != null && !document.teams().contains(scope.team())
                && teams.existing(Set.of(scope.team())).isEmpty()) {
            violations.add("/scope/team", "team '" + scope.team() + "' is not in the catalog");
        }
        if (scope.service() != null && !document.services().containsKey(scope.service())
                && services.find(scope.service()).isEmpty()) {
            violations.add("/scope/service", "service '" + scope.service() + "' is not in the catalog");
        }
    }

    /** A team-bound caller writes only its team's rules; rules for every service, or an unowned service, need an unbound one. */
    private void requireWrite(Caller caller, String team, String service) {
        String owner = service != null ? services.ownersOf(Set.of(service)).get(service) : team;
        caller.require(Scope.ADMIN, owner);
    }

    private static boolean mayRead(Caller caller, StoredRule rule, Map<String, String> owners) {
        if (rule.team() == null && rule.service() == null) {
            return true;
        }
        String owner = rule.service() != null ? owners.get(rule.service()) : rule.team();
        return caller.readsAnyTeam() || (owner != null && caller.mayRead(owner));
    }

    private Map<String, String> ownersOf(List<StoredRule> found) {
        Set<String> scoped = new HashSet<>();
        found.forEach(rule -> {
            if (rule.service() != null) {
                scoped.add(rule.service());
            }
        });
        return scoped.isEmpty() ? Map.of() : services.ownersOf(scoped);
    }

    private static ObjectNode answer(StoredRule stored) {
        ObjectNode rule = (ObjectNode) JSON.readTree(stored.document());
        rule.put("version", stored.version());
        rule.put("updatedAt", stored.updatedAt().toString());
        return rule;
    }
}
