package dev.tollgate.rules;

/** The kinds of rule API.md "Rules" defines; each has its params record ({@link RuleParams}). */
public enum RuleKind {
    THRESHOLD, BAKE_TIME, PROMOTION_ORDER, TESTS_PASSED, DEPLOYMENT_WINDOW, CHANGE_FAILURE_RATE, EXPRESSION
}
