package dev.tollgate.review;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/action-items")
class ActionItemController {

    private final OperationalReviews reviews;

    ActionItemController(OperationalReviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document; the answer says so itself
    ResponseEntity<ActionItem> add(@RequestBody ActionItemDraft draft) {
        ActionItem item = reviews.add(draft);
        return ResponseEntity.created(URI.create("/api/v1/action-items/" + item.id())).body(item);
    }

    /** Due first; {@code open=true} those not done yet, {@code open=false} those done; {@code week}: added that week. */
    @GetMapping
    List<ActionItem> list(@RequestParam(required = false) String team, @RequestParam(required = false) String open,
            @RequestParam(required = false) String week,
            @RequestParam(defaultValue = "" + OperationalReviews.DEFAULT_LIMIT) int limit) {
        return reviews.items(team, open, week, limit);
    }

    /** Where an added item's Location points. */
    @GetMapping("/{id}")
    ActionItem get(@PathVariable String id) {
        return reviews.getItem(id);
    }

    /** Idempotent: an item done already is answered as it is. */
    @PostMapping("/{id}/done")
    ActionItem done(@PathVariable String id) {
        return reviews.complete(id);
    }
}
