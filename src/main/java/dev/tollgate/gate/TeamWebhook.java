package dev.tollgate.gate;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.tollgate.rules.Verdict;

/**
 * Where the gate tells a team that it did not promote one of its versions, as the API answers it:
 * whether a secret signs the bodies, never the secret; and the URL's origin, never its path, which
 * for Slack and many chat services is itself the credential (anyone with {@code read} may ask).
 *
 * @param url      the URL's scheme, host and port, its path and query shown as {@code …}
 * @param verdicts the verdicts that notify, in the order of their strength
 */
public record TeamWebhook(String team, String url, WebhookFormat format, List<Verdict.Decision> verdicts,
        boolean secretSet, Instant updatedAt, String updatedBy) {

    public static final int MAX_URL_LENGTH = 2000;
    /** A shorter HMAC key is too easy to guess. */
    public static final int MIN_SECRET_LENGTH = 16;
    public static final int MAX_SECRET_LENGTH = 256;
    /** What notifies when a PUT names no verdicts: the answers that stop a pipeline for good. */
    public static final Set<Verdict.Decision> DEFAULT_VERDICTS = EnumSet.of(Verdict.Decision.STOP,
            Verdict.Decision.ROLLBACK);
    /** What may notify: a promotion is no news. */
    public static final Set<Verdict.Decision> NOTIFYING = EnumSet.of(Verdict.Decision.WAIT, Verdict.Decision.STOP,
            Verdict.Decision.ROLLBACK);

    public TeamWebhook {
        verdicts = List.copyOf(verdicts);
    }

    /** The URL as answered: {@code https://hooks.slack.com/…}. */
    static String shown(String url) {
        URI uri = URI.create(url);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
        boolean more = (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null;
        return more ? origin + "/…" : origin;
    }

    /** The path of a Slack URL is a credential: the default would print it. */
    @Override
    public String toString() {
        return "TeamWebhook[team=" + team + ", url=…, format=" + format + ", verdicts=" + verdicts + ", secretSet="
                + secretSet + ", updatedAt=" + updatedAt + ", updatedBy=" + updatedBy + "]";
    }
}
