package dev.tollgate.catalog;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    private final TeamCatalog teams;

    TeamController(TeamCatalog teams) {
        this.teams = teams;
    }

    @GetMapping
    List<Team> list() {
        return teams.list(0, Integer.MAX_VALUE);
    }

    @GetMapping("/{team}")
    Team get(@PathVariable String team) {
        return teams.get(team);
    }

    @PutMapping("/{team}")
    ResponseEntity<Team> put(@PathVariable String team, @RequestBody TeamDraft draft) {
        Saved<Team> saved = teams.put(team, draft);
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/v1/teams/" + team)).body(saved.value())
                : ResponseEntity.ok(saved.value());
    }

    @DeleteMapping("/{team}")
    ResponseEntity<Void> delete(@PathVariable String team) {
        teams.delete(team);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
