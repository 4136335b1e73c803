package dev.tollgate.api;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers unknown API and Actuator paths with a 404 problem: without it the request would fall
 * through to Vaadin's catch-all mapping and get an HTML page with status 200. Actuator's own
 * endpoints are mapped ahead of this controller.
 */
@RestController
class ApiFallbackController {

    @RequestMapping({ "/api/**", "/actuator/**" })
    void unknown(HttpServletRequest request) {
        throw new UnknownPathException(request.getRequestURI());
    }

    static final class UnknownPathException extends RuntimeException {
        UnknownPathException(String path) {
            super("No API endpoint at " + path);
        }
    }
}
