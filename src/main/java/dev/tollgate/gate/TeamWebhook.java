package dev.tollgate.gate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.tollgate.rules.Verdict;

/**
 * Where the gate tells a team that it did not promote one of its versions, as the API answers it:
 * whether a secret signs the bodies, never the secret.
 *
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

    /** The path of a Slack URL is a credential: the default would print it. */
    @Override
    public String toString() {
        return "TeamWebhook[team=" + team + ", url=…, format=" + format + ", verdicts=" + verdicts + ", secretSet="
                + secretSet + ", updatedAt=" + updatedAt + ", updatedBy=" + updatedBy + "]";
    }
}
