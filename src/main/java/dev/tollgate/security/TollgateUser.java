package dev.tollgate.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in UI user as Spring Security holds it. Serializable: it lives in the HTTP session. */
record TollgateUser(String username, String displayName, String passwordHash, Role role, Set<String> ledTeams)
        implements UserDetails {

    TollgateUser {
        ledTeams = Set.copyOf(ledTeams);
    }

    Caller caller() {
        return new Caller("user:" + username, role.scopes(), role.actsOnEveryTeam() ? null : ledTeams, true);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        // Never print the password hash.
        return "TollgateUser[" + username + ", " + role + "]";
    }
}
