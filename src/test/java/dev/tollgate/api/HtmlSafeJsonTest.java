package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class HtmlSafeJsonTest {

    private final JsonMapper json = JsonMapper.builder(HtmlSafeJson.factory()).build();

    @Test
    void writes_the_characters_of_markup_as_unicode_escapes() {
        String written = json.writeValueAsString(Map.of("detail", "No team '<script>alert(1)</script>' & co"));

        assertThat(written).doesNotContain("<", ">", "&", "'")
                .contains("\\u003Cscript\\u003E", "\\u0026", "\\u0027");
    }

    @Test
    void the_escaped_answer_reads_back_as_what_was_written() {
        String text = "a < b > c & 'd' \"e\" \\ é 🚀";

        assertThat(json.readValue(json.writeValueAsString(Map.of("t", text)), Map.class)).containsEntry("t", text);
    }

    @Test
    void escapes_names_as_well_as_values() {
        assertThat(json.writeValueAsString(Map.of("<b>", 1))).isEqualTo("{\"\\u003Cb\\u003E\":1}");
    }
}
