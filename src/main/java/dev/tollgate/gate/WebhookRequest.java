package dev.tollgate.gate;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/teams/{team}/webhook}. {@code format} and {@code verdicts} are
 * read as text so that a refusal can name every bad item, not just the first one Jackson meets.
 *
 * @param verdicts which verdicts notify; null for STOP and ROLLBACK
 * @param secret   signs every body when set; a PUT without it leaves the webhook unsigned
 */
public record WebhookRequest(String url, String format, List<String> verdicts, String secret) {

    /** The default would print the secret, and the path of a Slack URL is a credential too. */
    @Override
    public String toString() {
        return "WebhookRequest[url=" + (url == null ? null : "…") + ", format=" + format + ", verdicts=" + verdicts
                + ", secret=" + (secret == null ? "none" : "set") + "]";
    }
}
