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
@RequestMapping("/api/v1/reviews")
class ReviewController {

    private final OperationalReviews reviews;

    ReviewController(OperationalReviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document; the answer says so itself
    ResponseEntity<OperationalReview> record(@RequestBody ReviewDraft draft) {
        OperationalReview review = reviews.record(draft);
        return ResponseEntity.created(URI.create("/api/v1/reviews/" + review.id())).body(review);
    }

    /** Newest first; {@code week} is any day of the week reviewed. */
    @GetMapping
    List<OperationalReview> list(@RequestParam(required = false) String team,
            @RequestParam(required = false) String week,
            @RequestParam(defaultValue = "" + OperationalReviews.DEFAULT_LIMIT) int limit) {
        return reviews.list(team, week, limit);
    }

    @GetMapping("/{id}")
    OperationalReview get(@PathVariable String id) {
        return reviews.get(id);
    }
}
