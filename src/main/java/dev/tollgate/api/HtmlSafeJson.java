package dev.tollgate.api;

import java.util.List;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON answer, problem details included, writes {@code <}, {@code >}, {@code &} and
 * {@code '} as {@code \u003c} and so on. The JSON means the same to any client, but input that
 * a refusal names back (an identifier, a Content-Type, a field value) can never turn into markup
 * when a browser or a careless log viewer renders an answer as HTML.
 *
 * <p>Jackson offers this only as a setting of the stream factory, which a builder customizer
 * cannot change; so this builds the mapper builder Spring Boot would, on that factory, with
 * every customizer Boot would apply.
 */
@Configuration(proxyBeanMethods = false)
class HtmlSafeJson {

    private static final CharacterEscapes ESCAPES = new HtmlEscapes();

    /** A JSON factory that escapes the characters of markup; for mappers built outside Spring. */
    static JsonFactory factory() {
        return JsonFactory.builder().characterEscapes(ESCAPES).build();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder htmlSafeJsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(factory());
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    private static final class HtmlEscapes extends CharacterEscapes {

        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        HtmlEscapes() {
            for (char c : new char[] { '<', '>', '&', '\'' }) {
                asciiEscapes[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
