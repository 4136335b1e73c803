package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TeamWebhookTest {

    @Test
    void a_url_is_shown_as_its_origin_without_path_query_or_credentials() {
        assertThat(TeamWebhook.shown("https://hooks.slack.com/services/T0/B0/secret")).isEqualTo("https://hooks.slack.com/…");
        assertThat(TeamWebhook.shown("https://user:pass@hooks.example.com:8443/x?token=t")).isEqualTo("https://hooks.example.com:8443/…");
        assertThat(TeamWebhook.shown("https://hooks.example.com?token=t")).isEqualTo("https://hooks.example.com/…");
        assertThat(TeamWebhook.shown("http://hooks.internal:8080/")).isEqualTo("http://hooks.internal:8080");
    }
}
