package dev.tollgate.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import dev.tollgate.api.Violations;
import dev.tollgate.rules.GateDecision.FailedThreshold;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules' side of the promotion gate: which rules apply to a promotion, and what they decide
 * over what the stores answer. It checks no caller; the gate does. Rules are kept in memory and
 * read again whenever the catalog stamp the gate read has moved (so a change made on another node
 * holds for the next decision), and compiled once per version: a CEL program takes far longer to
 * build than to run.
 */
@Service
public class PromotionRules {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RuleRepository repository;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private volatile RuleSnapshot snapshot = RuleSnapshot.NONE;

    PromotionRules(RuleRepository repository) {
        this.repository = repository;
    }

    /** A stored rule read into its record, or the reason it could not be read. */
    private record Compiled(int version, Rule rule, String fault) {
    }

    /**
     * Decides the promotion {@code request} asks for, by the rules as they stood at
     * {@code catalogStamp} (read by the caller from {@link dev.tollgate.catalog.CatalogStamp}). Facts
     * are asked once per distinct question; a fact that cannot be had makes the rules that need it
     * ERROR, so the decision fails closed.
     */
    public GateDecision decide(GateRequest request, long catalogStamp, GateFacts facts) {
        List<Rule> rules = new ArrayList<>();
        List<RuleOutcome> unreadable = new ArrayList<>();
        Map<String, Integer> versions = new HashMap<>();
        for (StoredRule stored : rulesAt(catalogStamp).applicable(request.team(), request.service())) {
            Compiled rule = compiled(stored);
            versions.put(stored.id(), stored.version());
            if (rule.rule() != null) {
                rules.add(rule.rule());
            } else {
                unreadable.add(new RuleOutcome(stored.id(), stored.version(), stored.id(), null, RuleStatus.ERROR,
                        Effect.STOP, false, null, null, "could not be read: " + rule.fault()));
            }
        }
        GateEvaluator.Evaluation evaluation = GateEvaluator.evaluate(request, rules, facts);
        List<RuleOutcome> outcomes = new ArrayList<>(unreadable);
        List<FailedThreshold> failed = new ArrayList<>();
        for (GateEvaluator.Outcome outcome : evaluation.outcomes()) {
            Rule rule = outcome.rule();
            RuleResult result = outcome.result();
            outcomes.add(new RuleOutcome(rule.id(), versions.get(rule.id()), rule.name(), rule.kind(), result.status(),
                    outcome.effect(), rule.dryRun(), result.observed(), result.threshold(), result.message()));
            stageFailed(request, outcome).ifPresent(stage -> failed.add(new FailedThreshold(rule.id(), stage)));
        }
        Verdict verdict = unreadable.isEmpty() ? evaluation.verdict() : new Verdict(Verdict.Decision.STOP, Optional.empty());
        List<String> warnings = outcomes.isEmpty()
                ? List.of("no rule gates promotions of " + request.service() + " into " + request.targetStage()
                        + ": promoted without any check")
                : List.of();
        return new GateDecision(verdict.decision(), verdict.retryAfter(), outcomes, failed, warnings);
    }

    /**
     * The stage whose metrics failed an enforced THRESHOLD rule that stopped or rolled back the
     * promotion. A rule whose failure only warns was declared not to block, so PROMOTION_ORDER
     * does not count it either; team metrics belong to no stage.
     */
    private static Optional<String> stageFailed(GateRequest request, GateEvaluator.Outcome outcome) {
        if (!(outcome.rule().params() instanceof Threshold threshold) || outcome.rule().dryRun()
                || outcome.result().status() != RuleStatus.FAIL || !outcome.effect().strongerThan(Effect.WAIT)) {
            return Optional.empty();
        }
        return switch (threshold.of()) {
            case SOURCE -> Optional.ofNullable(request.sourceStage());
            case TARGET -> Optional.of(request.targetStage());
            case TEAM -> Optional.empty();
        };
    }

    private RuleSnapshot rulesAt(long stamp) {
        RuleSnapshot known = snapshot;
        // The stamp only grows: a snapshot of a later stamp serves a caller of an earlier one (see
        // StampedServices), so callers of two stamps do not read all rules again in turn.
        if (known.stamp() < stamp) {
            // Read after the stamp: the rules read are at least as new as the stamp says.
            known = RuleSnapshot.of(stamp, repository.list(null, null));
            snapshot = known;
        }
        return known;
    }

    private Compiled compiled(StoredRule stored) {
        Compiled known = compiled.get(stored.id());
        if (known != null && known.version() == stored.version()) {
            return known;
        }
        Compiled fresh;
        try {
            Violations violations = new Violations();
            // The stored document names its id, which a rule body does not carry.
            ObjectNode document = (ObjectNode) JSON.readTree(stored.document());
            document.remove("id");
            Rule rule = new RuleReader(violations).read(stored.id(), document).orElse(null);
            fresh = rule != null ? new Compiled(stored.version(), rule, null)
                    : new Compiled(stored.version(), null, violations.count() + " fault(s) in the stored rule");
        } catch (RuntimeException e) {
            fresh = new Compiled(stored.version(), null, "the stored rule is not valid JSON");
        }
        compiled.put(stored.id(), fresh);
        return fresh;
    }
}
