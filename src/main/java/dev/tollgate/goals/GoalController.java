package dev.tollgate.goals;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams/{team}/goals")
class GoalController {

    private final InputGoals goals;

    GoalController(InputGoals goals) {
        this.goals = goals;
    }

    @GetMapping
    List<Goal> list(@PathVariable String team) {
        return goals.list(team);
    }

    /** Not in API.md: where a created goal's Location points. */
    @GetMapping("/{goal}")
    Goal get(@PathVariable String team, @PathVariable String goal) {
        return goals.get(team, goal);
    }

    @PutMapping("/{goal}")
    ResponseEntity<Goal> put(@PathVariable String team, @PathVariable String goal, @RequestBody GoalDraft draft) {
        StoredGoal stored = goals.put(team, goal, draft);
        return stored.created()
                ? ResponseEntity.created(URI.create("/api/v1/teams/" + team + "/goals/" + goal)).body(stored.goal())
                : ResponseEntity.ok(stored.goal());
    }

    /** Not in API.md: admins need it to remove a goal that was dropped or mistyped. */
    @DeleteMapping("/{goal}")
    ResponseEntity<Void> delete(@PathVariable String team, @PathVariable String goal) {
        goals.delete(team, goal);
        return ResponseEntity.noContent().build();
    }
}
