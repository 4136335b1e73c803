package dev.tollgate.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an API token may do (API.md "Authentication and authorisation"); {@code admin} implies all. */
public enum Scope {
    INGEST, GATE, OVERRIDE, READ,
    /** Record operational reviews and their action items. */
    REVIEW,
    ADMIN;

    /** The name used on the wire and in Spring authorities ({@code SCOPE_read}). */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "SCOPE_" + wireName();
    }

    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName().equals(name)).findFirst();
    }

    /** The scopes granted in effect: {@code admin} brings every other scope with it. */
    public static Set<Scope> effective(Set<Scope> granted) {
        return granted.contains(ADMIN) ? EnumSet.allOf(Scope.class)
                : granted.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(granted);
    }
}
