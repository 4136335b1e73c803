package dev.tollgate.catalog;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A two-pizza team: it owns services and has a scorecard. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Team(String id, String name, String description, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;

    boolean sameContent(TeamDraft draft) {
        return name.equals(draft.name().strip()) && java.util.Objects.equals(description, draft.normalizedDescription());
    }
}
