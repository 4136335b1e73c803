package dev.tollgate.rules;

/**
 * One rule's part in a gate decision, as API.md "Promotion gate" lists it in {@code results}, with
 * the version of the rule that was used. {@code observed} and {@code threshold} are null where the
 * kind has no figure.
 */
public record RuleOutcome(String rule, int ruleVersion, String name, RuleKind kind, RuleStatus status, Effect effect,
        boolean dryRun, Double observed, Double threshold, String message) {
}
