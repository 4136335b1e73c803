package dev.tollgate.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers API and Actuator requests that no endpoint takes: without it they would fall through to
 * Vaadin's catch-all mapping and get an HTML page with status 200. Because this mapping takes
 * every path, Spring's own 405 and 415 never come; so it tells them apart itself: an endpoint at
 * the path but not for the method is a 405 (with {@code Allow}), one for the method but not for
 * the body's media type a 415 (naming the types it takes), one that takes the body but answers in
 * no type the caller accepts a 406, and no endpoint at all a 404.
 * Actuator's own endpoints are mapped ahead of this controller.
 */
@RestController
@Hidden
class ApiFallbackController {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping({ "/api/**", "/actuator/**" })
    void unknown(HttpServletRequest request) throws HttpRequestMethodNotSupportedException,
            HttpMediaTypeNotSupportedException, HttpMediaTypeNotAcceptableException {
        List<RequestMappingInfo> atPath = endpointsAt(request);
        if (atPath.isEmpty()) {
            throw new UnknownPathException(request.getRequestURI());
        }
        List<RequestMappingInfo> forMethod = atPath.stream()
                .filter(info -> info.getMethodsCondition().getMatchingCondition(request) != null).toList();
        if (forMethod.isEmpty()) {
            Set<String> allowed = new TreeSet<>();
            atPath.forEach(info -> info.getMethodsCondition().getMethods().forEach(method -> allowed.add(method.name())));
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        List<MediaType> producible = forMethod.stream()
                .filter(info -> info.getConsumesCondition().getMatchingCondition(request) != null)
                .flatMap(info -> info.getProducesCondition().getProducibleMediaTypes().stream()).distinct().toList();
        if (!producible.isEmpty()) {
            // The body is taken: it is the answer's media type that the caller does not accept.
            throw new HttpMediaTypeNotAcceptableException(producible);
        }
        List<MediaType> accepted = forMethod.stream()
                .flatMap(info -> info.getConsumesCondition().getConsumableMediaTypes().stream()).distinct().toList();
        if (accepted.isEmpty()) {
            throw new UnknownPathException(request.getRequestURI());
        }
        HttpMediaTypeNotSupportedException refused = new HttpMediaTypeNotSupportedException(
                "Content-Type not taken", accepted);
        refused.getBody().setDetail(whatIsWrongWith(request.getHeader(HttpHeaders.CONTENT_TYPE)) + "; send "
                + String.join(" or ", accepted.stream().map(MediaType::toString).toList()));
        throw refused;
    }

    private static String whatIsWrongWith(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "The request has no Content-Type";
        }
        try {
            MediaType.parseMediaType(contentType);
            return "Content-Type '" + contentType + "' is not taken here";
        } catch (InvalidMediaTypeException e) {
            return "Content-Type '" + contentType + "' is not a media type (" + e.getMessage() + ")";
        }
    }

    /** The mappings of the other endpoints whose path patterns match the request's path. */
    private List<RequestMappingInfo> endpointsAt(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        return mappings.getObject().getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getBeanType() != ApiFallbackController.class)
                .map(Map.Entry<RequestMappingInfo, HandlerMethod>::getKey)
                .filter(info -> info.getActivePatternsCondition().getMatchingCondition(request) != null)
                .toList();
    }

    static final class UnknownPathException extends RuntimeException {
        UnknownPathException(String path) {
            super("No API endpoint at " + path);
        }
    }
}
