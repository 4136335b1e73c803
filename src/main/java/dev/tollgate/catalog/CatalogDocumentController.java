package dev.tollgate.catalog;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.tollgate.api.InvalidInputException;

/** {@code /api/v1/config}: the catalog as one YAML or JSON document. */
@RestController
@RequestMapping("/api/v1/config")
class CatalogDocumentController {

    static final List<MediaType> YAML_TYPES = List.of(MediaType.parseMediaType("application/yaml"),
            MediaType.parseMediaType("application/x-yaml"), MediaType.parseMediaType("text/yaml"),
            MediaType.parseMediaType("text/x-yaml"));

    private final CatalogAsCode catalog;

    CatalogDocumentController(CatalogAsCode catalog) {
        this.catalog = catalog;
    }

    @PutMapping(consumes = MediaType.ALL_VALUE)
    CatalogChanges apply(@RequestBody(required = false) byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        return catalog.apply(catalog.parse(body, isYaml(contentType)));
    }

    @GetMapping
    ResponseEntity<?> export(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        CatalogDocument document = catalog.export();
        if (accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> YAML_TYPES.stream().anyMatch(type::isCompatibleWith) && !type.isWildcardType())) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml"))
                    .body(catalog.toYaml(document));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

    private static boolean isYaml(String contentType) {
        if (contentType == null) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("Content-Type", "is not a media type");
        }
        if (YAML_TYPES.stream().anyMatch(type::isCompatibleWith)) {
            return true;
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return false;
        }
        throw InvalidInputException.of("Content-Type", "must be application/json or application/yaml");
    }
}
