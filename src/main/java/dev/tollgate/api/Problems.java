package dev.tollgate.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the problem details every refusal carries, for controllers and security filters alike. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(status));
        problem.setTitle(title);
        if (violations != null && !violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    static URI typeOf(HttpStatus status) {
        return URI.create("urn:tollgate:problem:" + status.name().toLowerCase().replace('_', '-'));
    }
}
