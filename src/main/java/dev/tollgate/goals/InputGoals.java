package dev.tollgate.goals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.ApiTime;
import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violations;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * A team's input goals: written with 'ingest' (pipelines and scripts keep {@code current} up to
 * date), read with 'read', deleted with 'admin'; a team-bound caller only for its own team.
 * Every change is audited.
 */
@Service
public class InputGoals {

    private final GoalRepository goals;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final Clock clock;

    InputGoals(GoalRepository goals, CurrentCaller callers, AuditLog audit, Clock clock) {
        this.goals = goals;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    /** A team's goals in id order. */
    @Transactional(readOnly = true)
    public List<Goal> list(String team) {
        callers.get().requireRead(team);
        Violations violations = new Violations();
        violations.identifier("team", team);
        violations.throwIfAny("The team is invalid");
        requireTeam(team);
        return goals.find(List.of(team));
    }

    /** Creates or replaces a goal of an existing team. */
    @Transactional
    public StoredGoal put(String team, String id, GoalDraft draft) {
        callers.get().require(Scope.INGEST, team);
        Violations violations = new Violations();
        violations.identifier("team", team);
        violations.identifier("goal", id);
        validate(violations, "", draft);
        violations.throwIfAny("The goal was not saved");
        requireTeam(team);
        return save(List.of(entry(team, id, draft))).stored().getFirst();
    }

    @Transactional(readOnly = true)
    public Goal get(String team, String id) {
        callers.get().requireRead(team);
        return goals.find(team, id).orElseThrow(() -> new NotFoundException("Goal", id));
    }

    @Transactional
    public void delete(String team, String id) {
        callers.get().require(Scope.ADMIN, team);
        Goal goal = goals.find(team, id).orElseThrow(() -> new NotFoundException("Goal", id));
        goals.delete(team, id);
        audit.record("GOAL_DELETED", "goal", team + "/" + id, describe(goal));
    }

    /**
     * Checks the goals of a catalog document, naming faults under {@code prefix} (such as
     * {@code /goals}): {@code /goals/2/target}. A goal's team must exist, or be among
     * {@code teamsInDocument}, the teams the same document creates.
     */
    @Transactional(readOnly = true)
    public void validate(Violations violations, String prefix, List<GoalEntry> entries, Set<String> teamsInDocument) {
        Set<String> named = new HashSet<>();
        Set<String> teams = entries.stream().filter(entry -> entry != null && entry.team() != null)
                .map(GoalEntry::team).collect(Collectors.toSet());
        Set<String> existing = goals.existingTeams(teams);
        for (int i = 0; i < entries.size(); i++) {
            GoalEntry entry = entries.get(i);
            String pointer = prefix + "/" + i;
            if (entry == null) {
                violations.add(pointer, "must be an object");
                continue;
            }
            boolean validId = violations.identifier(pointer + "/id", entry.id());
            boolean validTeam = violations.identifier(pointer + "/team", entry.team());
            validate(violations, pointer, entry.draft());
            if (validId && validTeam && !named.add(entry.team() + "/" + entry.id())) {
                violations.add(pointer + "/id",
                        "goal '" + entry.id() + "' of team '" + entry.team() + "' is listed twice");
            }
            if (validTeam && !existing.contains(entry.team()) && !teamsInDocument.contains(entry.team())) {
                violations.add(pointer + "/team",
                        "team '" + entry.team() + "' is neither in this document nor in the catalog");
            }
        }
    }

    /**
     * Applies the goals of a catalog document, all or none: each is created or replaced, goals the
     * document leaves out are kept. Faults are named under {@code prefix}. The catalog calls this
     * after it stored the document's teams, in the same transaction.
     */
    @Transactional
    public GoalChanges apply(String prefix, List<GoalEntry> entries) {
        Caller caller = callers.get();
        Violations violations = new Violations();
        validate(violations, prefix, entries, Set.of());
        violations.throwIfAny("The goals were not applied; nothing was changed");
        entries.forEach(entry -> caller.require(Scope.INGEST, entry.team()));
        return save(entries).changes();
    }

    /** The goals as the catalog document carries them; a team-bound caller gets its own team's. */
    @Transactional(readOnly = true)
    public List<GoalEntry> export() {
        Caller caller = callers.get();
        caller.require(Scope.READ);
        return goals.find(caller.readsAnyTeam() ? null : caller.teams()).stream()
                .map(goal -> new GoalEntry(goal.id(), goal.team(), goal.category(), goal.title(), goal.target(),
                        goal.current(), goal.unit(), goal.due() == null ? null : goal.due().toString()))
                .toList();
    }

    static void validate(Violations violations, String pointer, GoalDraft draft) {
        if (draft == null) {
            violations.add(pointer.isEmpty() ? "/" : pointer,
                    "must be an object with a category, title, target and current");
            return;
        }
        violations.required(pointer + "/category", draft.category());
        violations.text(pointer + "/title", draft.title(), Goal.MAX_TITLE_LENGTH);
        finite(violations, pointer + "/target", draft.target());
        finite(violations, pointer + "/current", draft.current());
        violations.optionalText(pointer + "/unit", draft.unit(), Goal.MAX_UNIT_LENGTH);
        if (draft.due() != null && parseDue(draft.due()) == null) {
            violations.add(pointer + "/due", "must be " + Goal.DUE_DESCRIPTION);
        }
    }

    private static void finite(Violations violations, String pointer, Double value) {
        if (violations.required(pointer, value) && !Double.isFinite(value)) {
            violations.add(pointer, "must be a finite number");
        }
    }

    private static LocalDate parseDue(String text) {
        return ApiTime.parseDate(text).orElse(null);
    }

    /** What {@link #save} did: each goal as stored, and the counts. */
    private record Saved(List<StoredGoal> stored, GoalChanges changes) {
    }

    /** Stores validated goals of existing teams in one read and two writes, auditing each change. */
    private Saved save(List<GoalEntry> entries) {
        Instant now = clock.instant();
        Map<String, Goal> existing = goals.find(teamsOf(entries)).stream()
                .collect(Collectors.toMap(goal -> goal.team() + "/" + goal.id(), Function.identity()));
        List<Goal> inserts = new ArrayList<>();
        List<Goal> updates = new ArrayList<>();
        List<StoredGoal> saved = new ArrayList<>();
        for (GoalEntry entry : entries) {
            String key = entry.team() + "/" + entry.id();
            Goal before = existing.get(key);
            String unit = entry.unit() == null || entry.unit().isBlank() ? null : entry.unit().strip();
            Goal goal = new Goal(entry.team(), entry.id(), entry.category(), entry.title().strip(), entry.target(),
                    entry.current(), unit, entry.due() == null ? null : parseDue(entry.due()),
                    before == null ? now : before.createdAt(), now);
            if (before == null) {
                inserts.add(goal);
                audit.record("GOAL_CREATED", "goal", key, describe(goal));
                saved.add(new StoredGoal(goal, true));
            } else if (before.sameContent(goal)) {
                saved.add(new StoredGoal(before, false));
            } else {
                updates.add(goal);
                audit.record("GOAL_UPDATED", "goal", key, describe(goal));
                saved.add(new StoredGoal(goal, false));
            }
            existing.put(key, saved.getLast().goal());
        }
        goals.insert(inserts);
        goals.update(updates);
        int unchanged = saved.size() - inserts.size() - updates.size();
        return new Saved(saved, new GoalChanges(inserts.size(), updates.size(), unchanged));
    }

    private void requireTeam(String team) {
        if (goals.existingTeams(List.of(team)).isEmpty()) {
            throw new NotFoundException("Team", team);
        }
    }

    private static Collection<String> teamsOf(List<GoalEntry> entries) {
        return entries.stream().map(GoalEntry::team).collect(Collectors.toSet());
    }

    private static GoalEntry entry(String team, String id, GoalDraft draft) {
        return new GoalEntry(id, team, draft.category(), draft.title(), draft.target(), draft.current(), draft.unit(),
                draft.due());
    }

    private static String describe(Goal goal) {
        return "category=" + goal.category() + " title=" + goal.title() + " target=" + goal.target() + " current="
                + goal.current() + (goal.unit() == null ? "" : " unit=" + goal.unit())
                + (goal.due() == null ? "" : " due=" + goal.due());
    }
}
