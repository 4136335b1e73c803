package dev.tollgate.gate;

import java.time.Instant;

import dev.tollgate.rules.Verdict;

/** The override an evaluation was answered under, and the verdict the rules gave without it. */
public record AppliedOverride(String id, String by, String reason, Instant expiresAt,
        Verdict.Decision overriddenVerdict) {
}
