package dev.tollgate.gate;

import java.net.URI;
import java.util.Set;

import dev.tollgate.rules.Verdict;

/** What a delivery needs of a team's webhook, the secret included; never answered, never logged. */
record WebhookTarget(String team, URI url, WebhookFormat format, Set<Verdict.Decision> verdicts, String secret) {

    WebhookTarget {
        verdicts = Set.copyOf(verdicts);
    }

    boolean notifies(Verdict.Decision verdict) {
        return verdicts.contains(verdict);
    }

    /** The scheme, host and port: enough to say where a delivery went, while the path of a Slack URL is a credential. */
    String origin() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        return "WebhookTarget[team=" + team + ", url=" + origin() + "/…, format=" + format + ", verdicts=" + verdicts
                + ", secret=" + (secret == null ? "none" : "set") + "]";
    }
}
