package dev.tollgate.gate;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violations;
import dev.tollgate.catalog.Saved;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.rules.Verdict;
import dev.tollgate.security.AuditLog;
import dev.tollgate.security.Caller;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Scope;

/**
 * Team webhooks (issue 4): set and deleted with 'admin', read with 'read', for the caller's own
 * team only; every change is audited, without the secret. {@link WebhookDeliveries} posts to them.
 */
@Service
public class TeamWebhooks {

    private static final String URL_DESCRIPTION = "an absolute http or https URL of at most "
            + TeamWebhook.MAX_URL_LENGTH + " characters";

    private final TeamWebhookRepository webhooks;
    private final TeamCatalog teams;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final Clock clock;

    TeamWebhooks(TeamWebhookRepository webhooks, TeamCatalog teams, CurrentCaller callers, AuditLog audit, Clock clock) {
        this.webhooks = webhooks;
        this.teams = teams;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TeamWebhook get(String team) {
        callers.get().requireRead(team);
        return webhooks.find(team).orElseThrow(() -> new NotFoundException("Webhook of team", team));
    }

    /** Creates or replaces the team's webhook, all of it: a PUT without a secret leaves it unsigned. */
    @Transactional
    public Saved<TeamWebhook> put(String team, WebhookRequest request) {
        Caller caller = callers.get();
        caller.require(Scope.ADMIN, team);
        Violations violations = new Violations();
        violations.identifier("team", team);
        WebhookTarget target = validate(violations, team, request);
        violations.throwIfAny("The webhook was not saved");
        if (teams.existing(Set.of(team)).isEmpty()) {
            throw new NotFoundException("Team", team);
        }
        Instant now = clock.instant();
        boolean created = webhooks.find(team).isEmpty();
        if (created) {
            webhooks.insert(target, now, caller.actor());
        } else {
            webhooks.update(target, now, caller.actor());
        }
        audit.record("WEBHOOK_SET", "webhook", team, describe(target));
        return new Saved<>(webhooks.find(team).orElseThrow(), created);
    }

    @Transactional
    public void delete(String team) {
        callers.get().require(Scope.ADMIN, team);
        WebhookTarget target = webhooks.target(team).orElseThrow(() -> new NotFoundException("Webhook of team", team));
        webhooks.delete(team);
        audit.record("WEBHOOK_DELETED", "webhook", team, describe(target));
    }

    /** The team's webhook with its secret, for a delivery: no caller to check, it is Tollgate's own errand. */
    @Transactional(readOnly = true)
    Optional<WebhookTarget> target(String team) {
        return webhooks.target(team);
    }

    /** Checks a request, naming every fault at its pointer; answers what to store when there is none. */
    static WebhookTarget validate(Violations violations, String team, WebhookRequest request) {
        if (request == null) {
            violations.add("/", "must be an object with a url and a format");
            return null;
        }
        URI url = url(violations, request.url());
        WebhookFormat format = format(violations, request.format());
        Set<Verdict.Decision> verdicts = verdicts(violations, request.verdicts());
        String secret = request.secret();
        if (secret != null && (secret.length() < TeamWebhook.MIN_SECRET_LENGTH
                || secret.length() > TeamWebhook.MAX_SECRET_LENGTH)) {
            violations.add("/secret", "must be from " + TeamWebhook.MIN_SECRET_LENGTH + " to "
                    + TeamWebhook.MAX_SECRET_LENGTH + " characters");
        }
        return url == null || format == null || verdicts == null ? null
                : new WebhookTarget(team, url, format, verdicts, secret);
    }

    private static URI url(Violations violations, String text) {
        if (!violations.text("/url", text, TeamWebhook.MAX_URL_LENGTH)) {
            return null;
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            violations.add("/url", "must be " + URL_DESCRIPTION);
            return null;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            violations.add("/url", "must be " + URL_DESCRIPTION);
            return null;
        }
        // It would be answered by GET and written to the audit log; a secret does the job unseen.
        if (url.getRawUserInfo() != null) {
            violations.add("/url", "must not carry a user or password: set a secret to sign the bodies instead");
            return null;
        }
        return url;
    }

    private static WebhookFormat format(Violations violations, String text) {
        if (!violations.required("/format", text)) {
            return null;
        }
        try {
            return WebhookFormat.valueOf(text);
        } catch (IllegalArgumentException e) {
            violations.add("/format", "must be one of " + List.of(WebhookFormat.values()));
            return null;
        }
    }

    private static Set<Verdict.Decision> verdicts(Violations violations, List<String> names) {
        if (names == null) {
            return TeamWebhook.DEFAULT_VERDICTS;
        }
        if (names.isEmpty()) {
            violations.add("/verdicts", "must name at least one verdict, or be left out for " + TeamWebhook.DEFAULT_VERDICTS);
            return null;
        }
        Set<Verdict.Decision> verdicts = EnumSet.noneOf(Verdict.Decision.class);
        boolean valid = true;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<Verdict.Decision> verdict = TeamWebhook.NOTIFYING.stream()
                    .filter(notifying -> notifying.name().equals(name)).findFirst();
            if (verdict.isEmpty()) {
                violations.add("/verdicts/" + i, "must be one of " + TeamWebhook.NOTIFYING);
                valid = false;
            } else {
                verdicts.add(verdict.get());
            }
        }
        return valid ? verdicts : null;
    }

    /** What the audit log keeps: where (the origin only, as a Slack URL's path is a credential), how, and when. */
    private static String describe(WebhookTarget target) {
        return "url=" + target.origin() + "/… format=" + target.format() + " verdicts="
                + target.verdicts().stream().sorted().map(Enum::name).collect(Collectors.joining(","))
                + " signed=" + (target.secret() != null);
    }
}
