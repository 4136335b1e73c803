package dev.tollgate.rules;

/** What a rule found (API.md "Promotion gate": a result's {@code status}). */
public enum RuleStatus {
    PASS, FAIL, WAIT, NO_DATA, ERROR
}
