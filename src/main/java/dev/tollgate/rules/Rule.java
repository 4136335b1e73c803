package dev.tollgate.rules;

import java.util.List;

/**
 * A rule as API.md "Rules" defines it: what it checks ({@link RuleParams}), for which services
 * ({@code scope}) and target stages ({@code stages}, empty for all), and how its outcome weighs:
 * {@code onFail}, {@code onNoData}, a dry run that is shown but never decides, and whether it is
 * enabled at all.
 */
record Rule(String id, String name, String description, Scope scope, List<String> stages, RuleParams params,
        OnFail onFail, OnNoData onNoData, boolean dryRun, boolean enabled) {

    Rule {
        stages = List.copyOf(stages);
    }

    RuleKind kind() {
        return params.kind();
    }

    /** Every service (both null), a team's services, or one service. */
    record Scope(String team, String service) {

        static final Scope EVERY_SERVICE = new Scope(null, null);

        Scope {
            if (team != null && service != null) {
                throw new IllegalArgumentException("A rule's scope is a team or a service, not both");
            }
        }
    }
}
