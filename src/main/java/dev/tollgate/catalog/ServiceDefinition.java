package dev.tollgate.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A service in the catalog. {@code stages} is its promotion path in order, such as
 * {@code beta → gamma → prod}. {@code team} is null while an ingested service is unowned.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceDefinition(String id, String team, String name, List<String> stages, Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_STAGES = 16;

    public ServiceDefinition {
        stages = List.copyOf(stages);
    }

    /** The stage a version is promoted from into {@code stage}: the one before it in the path. */
    public Optional<String> stageBefore(String stage) {
        int position = stages.indexOf(stage);
        return position > 0 ? Optional.of(stages.get(position - 1)) : Optional.empty();
    }

    boolean sameContent(String team, String name, List<String> stages) {
        return java.util.Objects.equals(this.team, team) && this.name.equals(name) && this.stages.equals(stages);
    }
}
