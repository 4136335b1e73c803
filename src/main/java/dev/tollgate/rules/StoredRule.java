package dev.tollgate.rules;

import java.time.Instant;

/** A rule as stored: its document (the JSON it reads back from), its version and when it last changed. */
record StoredRule(String id, int version, String team, String service, String document, Instant updatedAt) {
}
