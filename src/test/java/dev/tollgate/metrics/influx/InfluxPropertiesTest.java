package dev.tollgate.metrics.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InfluxPropertiesTest {

    @Test
    void configured_credentials_stay_out_of_the_text_of_the_properties() {
        InfluxProperties properties = bind(Map.of(
                "tollgate.influx.url", "http://metrics:the-password-in-the-url@influx.example.com:8086/path",
                "tollgate.influx.username", "tollgate",
                "tollgate.influx.password", "the-influx-password"));

        assertThat(properties.password()).isEqualTo("the-influx-password");
        assertThat(properties.toString())
                .doesNotContain("the-influx-password", "the-password-in-the-url", "/path")
                .contains("http://influx.example.com:8086", "username=tollgate", "password=set");
    }

    @Test
    void says_when_no_password_is_configured() {
        assertThat(bind(Map.of("tollgate.influx.url", "http://localhost:8086")).toString()).contains("password=none");
    }

    private static InfluxProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("tollgate.influx", InfluxProperties.class)
                .get();
    }
}
