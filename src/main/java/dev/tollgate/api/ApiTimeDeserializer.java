package dev.tollgate.api;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.springframework.boot.jackson.JacksonComponent;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads every {@link Instant} in a request body as {@link ApiTime} describes: from 1970 to 9999. */
@JacksonComponent
class ApiTimeDeserializer extends ValueDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        return read(parser, context, ApiTime::parse, ApiTime::ofEpochMilli);
    }

    static Instant read(JsonParser parser, DeserializationContext context, Function<String, Optional<Instant>> text,
            LongFunction<Optional<Instant>> millis) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            // Digits beyond a long, or a time outside the range, are named as a bad time, not as broken JSON.
            String digits = parser.getText();
            Optional<Instant> time = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? Optional.empty()
                    : millis.apply(parser.getLongValue());
            return time.orElseGet(() -> (Instant) context.handleWeirdStringValue(Instant.class, digits, ApiTime.DESCRIPTION));
        }
        if (token == JsonToken.VALUE_STRING) {
            String string = parser.getString();
            return text.apply(string)
                    .orElseGet(() -> (Instant) context.handleWeirdStringValue(Instant.class, string, ApiTime.DESCRIPTION));
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
