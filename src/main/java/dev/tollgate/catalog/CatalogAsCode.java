package dev.tollgate.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.JsonFaults;
import dev.tollgate.api.StrictJson;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.CatalogDocument.MetricDefinitionEntry;
import dev.tollgate.catalog.CatalogDocument.ServiceEntry;
import dev.tollgate.catalog.CatalogDocument.TeamEntry;
import dev.tollgate.goals.GoalChanges;
import dev.tollgate.goals.GoalEntry;
import dev.tollgate.goals.InputGoals;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The catalog as code: a document applied whole and idempotently (every item created or
 * replaced, nothing listed left untouched, nothing unlisted removed), and exported in the same
 * shape so that applying an export changes nothing.
 */
@Service
public class CatalogAsCode {

    private static final int EXPORT_PAGE = Integer.MAX_VALUE;

    private final TeamCatalog teamCatalog;
    private final ServiceCatalog serviceCatalog;
    private final MetricCatalog metricCatalog;
    private final TeamRepository teams;
    private final ServiceRepository services;
    private final MetricDefinitionRepository definitions;
    private final InputGoals goals;
    private final List<CatalogSection> sections;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final ObjectMapper yaml = StrictJson.configure(YAMLMapper.builder())
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();
    private final ObjectMapper json = StrictJson.configure(JsonMapper.builder()).build();

    CatalogAsCode(TeamCatalog teamCatalog, ServiceCatalog serviceCatalog, MetricCatalog metricCatalog,
            TeamRepository teams, ServiceRepository services, MetricDefinitionRepository definitions,
            InputGoals goals, List<CatalogSection> sections, CurrentCaller callers, AuditLog audit) {
        this.goals = goals;
        this.sections = List.copyOf(sections);
        this.teamCatalog = teamCatalog;
        this.serviceCatalog = serviceCatalog;
        this.metricCatalog = metricCatalog;
        this.teams = teams;
        this.services = services;
        this.definitions = definitions;
        this.callers = callers;
        this.audit = audit;
    }

    /** Reads a document as YAML (a superset of JSON) or strict JSON; faults are named by pointer. */
    public CatalogDocument parse(byte[] body, boolean asYaml) {
        if (body == null || body.length == 0) {
            throw InvalidInputException.of("/", "the document is empty");
        }
        try {
            CatalogDocument document = (asYaml ? yaml : json).readValue(body, CatalogDocument.class);
            if (document == null) {
                throw InvalidInputException.of("/", "the document is empty");
            }
            return document;
        } catch (JacksonException e) {
            var violation = JsonFaults.describe(e);
            throw new InvalidInputException("The catalog document could not be read: " + violation.pointer() + " "
                    + violation.message(), List.of(violation));
        }
    }

    public String toYaml(CatalogDocument document) {
        return yaml.writeValueAsString(document);
    }

    @Transactional
    public CatalogChanges apply(CatalogDocument document) {
        Caller caller = callers.get();
        caller.require(Scope.ADMIN);
        List<TeamEntry> teamEntries = CatalogDocument.orEmpty(document.teams());
        List<ServiceEntry> serviceEntries = CatalogDocument.orEmpty(document.services());
        List<MetricDefinitionEntry> metricEntries = CatalogDocument.orEmpty(document.metricDefinitions());
        List<GoalEntry> goalEntries = CatalogDocument.orEmpty(document.goals());

        Violations violations = new Violations();
        validate(violations, teamEntries, serviceEntries, metricEntries);
        goals.validate(violations, "/goals", goalEntries, teamEntries.stream().filter(entry -> entry != null && entry.id() != null)
                .map(TeamEntry::id).collect(Collectors.toSet()));
        List<Object> ruleEntries = CatalogDocument.orEmpty(document.rules());
        CatalogSection.DocumentItems items = new CatalogSection.DocumentItems(
                teamEntries.stream().filter(entry -> entry != null && entry.id() != null).map(TeamEntry::id)
                        .collect(Collectors.toSet()),
                serviceEntries.stream().filter(entry -> entry != null && entry.id() != null && entry.team() != null)
                        .collect(Collectors.toMap(ServiceEntry::id, ServiceEntry::team, (first, second) -> first)));
        section("rules").ifPresentOrElse(rules -> rules.validate(violations, ruleEntries, items), () -> {
            // Refused rather than ignored: silently dropping part of a document would lose data.
            if (!ruleEntries.isEmpty()) {
                violations.add("/rules", "rules cannot be applied by this version of Tollgate");
            }
        });
        violations.throwIfAny("The catalog document was not applied; nothing was changed");
        authorize(caller, teamEntries, serviceEntries, metricEntries);

        CatalogChanges.Count teamCount = CatalogChanges.NONE;
        for (TeamEntry entry : teamEntries) {
            var before = teams.find(entry.id());
            Saved<Team> saved = teamCatalog.save(entry.id(), new TeamDraft(entry.name(), entry.description()));
            teamCount = teamCount.plus(saved, before.isPresent() && !before.get().equals(saved.value()));
        }
        CatalogChanges.Count metricCount = CatalogChanges.NONE;
        for (MetricDefinitionEntry entry : metricEntries) {
            var before = definitions.find(entry.id());
            Saved<MetricDefinition> saved = metricCatalog.save(entry.id(), new MetricDefinitionDraft(entry.category(),
                    entry.unit(), entry.better(), entry.aggregation(), entry.target(), entry.description()));
            metricCount = metricCount.plus(saved, before.isPresent() && !before.get().equals(saved.value()));
        }
        CatalogChanges.Count serviceCount = CatalogChanges.NONE;
        for (ServiceEntry entry : serviceEntries) {
            var before = services.find(entry.id());
            Saved<ServiceDefinition> saved = serviceCatalog.save(caller, entry.id(),
                    new ServiceDraft(entry.team(), entry.name(), entry.stages()));
            serviceCount = serviceCount.plus(saved, before.isPresent() && !before.get().equals(saved.value()));
        }
        GoalChanges goalChanges = goalEntries.isEmpty() ? new GoalChanges(0, 0, 0) : goals.apply("/goals", goalEntries);
        CatalogChanges.Count goalCount = new CatalogChanges.Count(goalChanges.created(), goalChanges.updated(),
                goalChanges.unchanged());
        CatalogChanges.Count ruleCount = ruleEntries.isEmpty() ? CatalogChanges.NONE
                : section("rules").orElseThrow().apply(ruleEntries);
        CatalogChanges changes = new CatalogChanges(teamCount, serviceCount, metricCount, goalCount, ruleCount);
        if (teamCount.changed() + serviceCount.changed() + metricCount.changed() + goalCount.changed()
                + ruleCount.changed() > 0) {
            audit.record("CATALOG_APPLIED", "catalog", null, changes.toString());
        }
        return changes;
    }

    /** The catalog as a document; a team-bound caller gets its own team and services. */
    @Transactional(readOnly = true)
    public CatalogDocument export() {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        Set<String> only = caller.readsAnyTeam() ? null : caller.teams();
        List<TeamEntry> teamEntries = teams.find(only, 0, EXPORT_PAGE).stream()
                .map(team -> new TeamEntry(team.id(), team.name(), team.description()))
                .toList();
        List<ServiceEntry> serviceEntries = services.find(null, only, 0, EXPORT_PAGE).stream()
                .filter(service -> service.team() != null)
                .map(service -> new ServiceEntry(service.id(), service.team(), service.name(), service.stages()))
                .toList();
        List<MetricDefinitionEntry> metricEntries = definitions.findAll().stream()
                .map(d -> new MetricDefinitionEntry(d.id(), d.category(), d.unit(), d.better(), d.aggregation(),
                        d.target(), d.description()))
                .toList();
        return new CatalogDocument(teamEntries, serviceEntries, metricEntries,
                section("rules").map(CatalogSection::export).orElse(List.of()), goals.export());
    }

    private void validate(Violations violations, List<TeamEntry> teamEntries,
            List<ServiceEntry> serviceEntries, List<MetricDefinitionEntry> metricEntries) {
        Set<String> teamIds = new HashSet<>();
        for (int i = 0; i < teamEntries.size(); i++) {
            TeamEntry entry = teamEntries.get(i);
            String pointer = "/teams/" + i;
            if (entry == null) {
                violations.add(pointer, "must be an object");
                continue;
            }
            TeamCatalog.validate(violations, pointer, entry.id(), new TeamDraft(entry.name(), entry.description()));
            if (entry.id() != null && !teamIds.add(entry.id())) {
                violations.add(pointer + "/id", "team '" + entry.id() + "' is listed twice");
            }
        }
        Set<String> serviceIds = new HashSet<>();
        for (int i = 0; i < serviceEntries.size(); i++) {
            ServiceEntry entry = serviceEntries.get(i);
            String pointer = "/services/" + i;
            if (entry == null) {
                violations.add(pointer, "must be an object");
                continue;
            }
            ServiceCatalog.validate(violations, pointer, entry.id(), new ServiceDraft(entry.team(), entry.name(), entry.stages()));
            if (entry.id() != null && !serviceIds.add(entry.id())) {
                violations.add(pointer + "/id", "service '" + entry.id() + "' is listed twice");
            }
            if (entry.team() != null && !teamIds.contains(entry.team()) && !teams.exists(entry.team())) {
                violations.add(pointer + "/team", "team '" + entry.team() + "' is neither in this document nor in the catalog");
            }
        }
        Set<String> metricIds = new HashSet<>();
        for (int i = 0; i < metricEntries.size(); i++) {
            MetricDefinitionEntry entry = metricEntries.get(i);
            String pointer = "/metricDefinitions/" + i;
            if (entry == null) {
                violations.add(pointer, "must be an object");
                continue;
            }
            MetricCatalog.validate(violations, pointer, entry.id(), new MetricDefinitionDraft(entry.category(),
                    entry.unit(), entry.better(), entry.aggregation(), entry.target(), entry.description()));
            if (entry.id() != null && !metricIds.add(entry.id())) {
                violations.add(pointer + "/id", "metric '" + entry.id() + "' is listed twice");
            }
        }
    }

    private Optional<CatalogSection> section(String field) {
        return sections.stream().filter(section -> section.field().equals(field)).findFirst();
    }

    private void authorize(Caller caller, List<TeamEntry> teamEntries, List<ServiceEntry> serviceEntries,
            List<MetricDefinitionEntry> metricEntries) {
        if (caller.actsOnAllTeams()) {
            return;
        }
        // Unchanged definitions pass, so that a team-bound caller can apply its own export.
        boolean changesDefinitions = metricEntries.stream().anyMatch(entry -> definitions.find(entry.id())
                .map(stored -> !stored.sameContent(new MetricDefinitionDraft(entry.category(), entry.unit(),
                        entry.better(), entry.aggregation(), entry.target(), entry.description())))
                .orElse(true));
        if (changesDefinitions) {
            throw new AccessDeniedException("Metric definitions are global; a team-bound token cannot change them");
        }
        teamEntries.forEach(entry -> caller.require(Scope.ADMIN, entry.id()));
        for (ServiceEntry entry : serviceEntries) {
            caller.require(Scope.ADMIN, entry.team());
            services.find(entry.id()).map(ServiceDefinition::team).ifPresent(owner -> caller.require(Scope.ADMIN, owner));
        }
    }
}
