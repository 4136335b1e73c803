package dev.tollgate.api;

import java.time.Instant;
import java.util.Optional;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a well-formed time of any year, for a body that checks the range itself ({@code @JsonDeserialize(using
 * = AnyYearTimeDeserializer.class)}): a batch of points names a point from 1969 among its other bad points,
 * where the strict reading would stop at it.
 */
public final class AnyYearTimeDeserializer extends ValueDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        return ApiTimeDeserializer.read(parser, context, ApiTime::parseAnyYear,
                millis -> Optional.of(Instant.ofEpochMilli(millis)));
    }
}
