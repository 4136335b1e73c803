package dev.tollgate.api;

import java.time.Instant;

import org.springframework.boot.jackson.JacksonComponent;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads every {@link Instant} in a request body as {@link ApiTime} describes. */
@JacksonComponent
class ApiTimeDeserializer extends ValueDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochMilli(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getString();
            return ApiTime.parse(text)
                    .orElseGet(() -> (Instant) context.handleWeirdStringValue(Instant.class, text, ApiTime.DESCRIPTION));
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
