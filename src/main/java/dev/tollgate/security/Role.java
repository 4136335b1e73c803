package dev.tollgate.security;

import java.util.EnumSet;
import java.util.Set;

/** The roles of UI users. */
public enum Role {
    /** Reads every team's figures. */
    VIEWER(EnumSet.of(Scope.READ)),
    /**
     * Reads everything and acts for the teams they lead: their input goals and enablement figures
     * (ingest), overrides, and the action items of their operational reviews.
     */
    TEAM_LEAD(EnumSet.of(Scope.READ, Scope.INGEST, Scope.OVERRIDE, Scope.REVIEW)),
    /** A principal engineer: reads everything and runs the operational review of every team. */
    PRINCIPAL(EnumSet.of(Scope.READ, Scope.REVIEW)),
    /** Everything, including the catalog, tokens and users. */
    ADMIN(EnumSet.allOf(Scope.class));

    private final Set<Scope> scopes;

    Role(Set<Scope> scopes) {
        this.scopes = scopes;
    }

    /**
     * Whether a user of this role acts on every team rather than on the teams they lead. A
     * principal reviews across teams, but with no scope beyond reading and reviewing.
     */
    public boolean actsOnEveryTeam() {
        return this == ADMIN || this == PRINCIPAL;
    }

    public Set<Scope> scopes() {
        return EnumSet.copyOf(scopes);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
