package dev.tollgate.api;

import java.time.Instant;
import java.util.Optional;

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
            // Digits beyond a long, or a time outside 1970 to 9999, are named as a bad time, not as broken JSON.
            String digits = parser.getText();
            Optional<Instant> time = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? Optional.empty()
                    : ApiTime.ofEpochMilli(parser.getLongValue());
            return time.orElseGet(() -> (Instant) context.handleWeirdStringValue(Instant.class, digits, ApiTime.DESCRIPTION));
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getString();
            return ApiTime.parse(text)
                    .orElseGet(() -> (Instant) context.handleWeirdStringValue(Instant.class, text, ApiTime.DESCRIPTION));
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
