package dev.tollgate.gate;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.catalog.Saved;

/** Not in API.md yet (issue 4): a team's webhook for the gate's STOP and ROLLBACK. */
@RestController
@RequestMapping("/api/v1/teams/{team}/webhook")
class TeamWebhookController {

    private final TeamWebhooks webhooks;

    TeamWebhookController(TeamWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    TeamWebhook get(@PathVariable String team) {
        return webhooks.get(team);
    }

    @PutMapping
    ResponseEntity<TeamWebhook> put(@PathVariable String team, @RequestBody WebhookRequest request) {
        Saved<TeamWebhook> saved = webhooks.put(team, request);
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/v1/teams/" + team + "/webhook")).body(saved.value())
                : ResponseEntity.ok(saved.value());
    }

    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String team) {
        webhooks.delete(team);
        return ResponseEntity.noContent().build();
    }
}
