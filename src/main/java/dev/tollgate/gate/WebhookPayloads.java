package dev.tollgate.gate;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.tollgate.rules.Effect;
import dev.tollgate.rules.RuleOutcome;
import dev.tollgate.rules.Verdict;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies a team webhook receives: Tollgate's JSON, with the evaluation exactly as the API
 * answers it, or a Slack message a person reads at a glance.
 */
@Component
class WebhookPayloads {

    static final String EVENT = "gate.evaluation";
    /** Slack refuses a section's text over 3,000 characters; a list this long is read no further anyway. */
    private static final int MAX_LISTED_RULES = 10;
    private static final int MAX_MESSAGE_LENGTH = 240;

    private final JsonMapper json;

    /** {@code json} is the API's own mapper, so that the evaluation reads as {@code GET} answers it. */
    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    byte[] body(WebhookFormat format, GateEvaluated event) {
        return json.writeValueAsBytes(switch (format) {
            case JSON -> new Notice(EVENT, event.team(), event.evaluation(), path(event.evaluation()));
            case SLACK -> slack(event);
        });
    }

    /** The JSON body. {@code url} is the path of the evaluation in the API: the receiver knows its Tollgate. */
    record Notice(String event, String team, GateEvaluation evaluation, String url) {
    }

    /** The Slack body: {@code text} is the notification's line, {@code blocks} what the channel shows. */
    record SlackMessage(String text, List<Object> blocks) {
    }

    record SlackText(String type, String text) {

        static SlackText markdown(String text) {
            return new SlackText("mrkdwn", text);
        }
    }

    record SlackSection(String type, SlackText text) {

        SlackSection(SlackText text) {
            this("section", text);
        }
    }

    record SlackContext(String type, List<SlackText> elements) {

        SlackContext(SlackText element) {
            this("context", List.of(element));
        }
    }

    /** ":no_entry: STOP checkout 1.4.2 → prod", then the rules that weighed against it, then where to read more. */
    static SlackMessage slack(GateEvaluated event) {
        GateEvaluation evaluation = event.evaluation();
        String emoji = emoji(evaluation.verdict());
        String promotion = evaluation.service() + " " + evaluation.version() + " → " + evaluation.stage();
        List<Object> blocks = new ArrayList<>();
        blocks.add(new SlackSection(SlackText.markdown(emoji + " *" + evaluation.verdict() + "* " + escape(promotion))));
        List<RuleOutcome> failing = evaluation.results().stream()
                .filter(outcome -> !outcome.dryRun() && outcome.effect() != Effect.NONE).toList();
        if (!failing.isEmpty()) {
            blocks.add(new SlackSection(SlackText.markdown(reasons(failing))));
        }
        blocks.add(new SlackContext(SlackText.markdown(escape("Team " + event.team() + " · evaluation "
                + path(evaluation) + (evaluation.pipelineRun() == null ? "" : " · run " + evaluation.pipelineRun())))));
        return new SlackMessage(emoji + " " + evaluation.verdict() + " " + escape(promotion), blocks);
    }

    private static String reasons(List<RuleOutcome> failing) {
        StringBuilder text = new StringBuilder();
        for (RuleOutcome outcome : failing.subList(0, Math.min(failing.size(), MAX_LISTED_RULES))) {
            String message = outcome.message() == null ? outcome.status().name() : outcome.message();
            if (message.length() > MAX_MESSAGE_LENGTH) {
                message = message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
            }
            text.append("• *").append(escape(outcome.name())).append("* (").append(outcome.effect()).append("): ")
                    .append(escape(message)).append('\n');
        }
        if (failing.size() > MAX_LISTED_RULES) {
            text.append("…and ").append(failing.size() - MAX_LISTED_RULES).append(" more\n");
        }
        return text.toString().strip();
    }

    private static String emoji(Verdict.Decision verdict) {
        return switch (verdict) {
            case PROMOTE -> ":white_check_mark:";
            case WAIT -> ":hourglass_flowing_sand:";
            case STOP -> ":no_entry:";
            case ROLLBACK -> ":rewind:";
        };
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup: a rule's name or message must not become a link. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String path(GateEvaluation evaluation) {
        return "/api/v1/gate-evaluations/" + evaluation.id();
    }
}
