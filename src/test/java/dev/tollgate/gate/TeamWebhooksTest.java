package dev.tollgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Violation;
import dev.tollgate.api.Violations;
import dev.tollgate.rules.Verdict;

class TeamWebhooksTest {

    private static final String URL = "https://hooks.example.com/tollgate";

    private static List<String> faults(WebhookRequest request) {
        Violations violations = new Violations();
        TeamWebhooks.validate(violations, "shop", request);
        try {
            violations.throwIfAny("refused");
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations().stream().map(Violation::pointer).toList();
        }
    }

    @Test
    void a_webhook_without_verdicts_notifies_of_stop_and_rollback() {
        WebhookTarget target = TeamWebhooks.validate(new Violations(), "shop", new WebhookRequest(URL, "SLACK", null, null));

        assertThat(target.verdicts()).containsExactlyInAnyOrder(Verdict.Decision.STOP, Verdict.Decision.ROLLBACK);
        assertThat(target.notifies(Verdict.Decision.WAIT)).isFalse();
        assertThat(target.format()).isEqualTo(WebhookFormat.SLACK);
    }

    @Test
    void waiting_may_notify_too_but_a_promotion_never() {
        assertThat(faults(new WebhookRequest(URL, "JSON", List.of("WAIT", "STOP"), null))).isEmpty();
        assertThat(faults(new WebhookRequest(URL, "JSON", List.of("STOP", "PROMOTE"), null))).containsExactly("/verdicts/1");
    }

    @Test
    void every_fault_is_named_at_once() {
        assertThat(faults(new WebhookRequest("ftp://files.example.com/x", "XML", List.of("nope", "STOP", "stop"), "short")))
                .containsExactly("/url", "/format", "/verdicts/0", "/verdicts/2", "/secret");
        assertThat(faults(new WebhookRequest(null, null, List.of(), null))).containsExactly("/url", "/format", "/verdicts");
        assertThat(faults(null)).containsExactly("/");
    }

    @Test
    void only_absolute_http_urls_of_at_most_2000_characters_with_a_host_and_no_credentials_are_taken() {
        for (String url : Arrays.asList("hooks.example.com/x", "/relative", "https://", "http:opaque", "not a url",
                "https://user:password@hooks.example.com/x", "https://hooks.example.com/" + "x".repeat(2000), " ")) {
            assertThat(faults(new WebhookRequest(url, "JSON", null, null))).as(url).containsExactly("/url");
        }
        assertThat(faults(new WebhookRequest("HTTP://localhost:8080/hook?x=1", "JSON", null, null))).isEmpty();
    }

    @Test
    void the_secret_never_shows_in_what_a_log_line_prints() {
        WebhookTarget target = TeamWebhooks.validate(new Violations(), "shop",
                new WebhookRequest("https://hooks.slack.com/services/T0/B0/credential", "SLACK", null, "s3cr3t-s3cr3t-s3cr3t"));

        assertThat(target.toString()).doesNotContain("s3cr3t", "credential").contains("https://hooks.slack.com");
    }
}
