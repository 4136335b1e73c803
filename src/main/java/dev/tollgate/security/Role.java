package dev.tollgate.security;

import java.util.EnumSet;
import java.util.Set;

/** The roles of UI users. */
public enum Role {
    /** Reads every team's figures. */
    VIEWER(EnumSet.of(Scope.READ)),
    /** Reads everything and acts for the teams they lead (goals, overrides as later features add them). */
    TEAM_LEAD(EnumSet.of(Scope.READ, Scope.OVERRIDE)),
    /** Everything, including the catalog, tokens and users. */
    ADMIN(EnumSet.allOf(Scope.class));

    private final Set<Scope> scopes;

    Role(Set<Scope> scopes) {
        this.scopes = scopes;
    }

    public Set<Scope> scopes() {
        return EnumSet.copyOf(scopes);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
