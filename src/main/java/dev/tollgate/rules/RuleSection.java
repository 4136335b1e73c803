package dev.tollgate.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.tollgate.api.Violations;
import dev.tollgate.catalog.CatalogChanges;
import dev.tollgate.catalog.CatalogSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code rules} of the catalog document (API.md {@code PUT /config}): each item a rule's JSON
 * with its {@code id}, applied through {@link Rules} as a {@code PUT} would, so that the document
 * and the API keep one set of checks and rights.
 */
@Component
class RuleSection implements CatalogSection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Rules rules;

    RuleSection(Rules rules) {
        this.rules = rules;
    }

    @Override
    public String field() {
        return "rules";
    }

    @Override
    public void validate(Violations violations, List<Object> entries, DocumentItems document) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Violations at = violations.under("/rules/" + i);
            JsonNode entry = JSON.valueToTree(entries.get(i));
            if (!entry.isObject()) {
                at.add("/", "must be a rule object");
                continue;
            }
            String id = entry.path("id").isString() ? entry.path("id").stringValue() : null;
            if (id != null && !ids.add(id)) {
                at.add("/id", "rule '" + id + "' is listed twice");
            }
            rules.validate(at, id, withoutId(entry), document);
        }
    }

    @Override
    public CatalogChanges.Count apply(List<Object> entries) {
        CatalogChanges.Count count = new CatalogChanges.Count(0, 0, 0);
        for (Object item : entries) {
            JsonNode entry = JSON.valueToTree(item);
            Rules.Written written = rules.put(entry.path("id").stringValue(), withoutId(entry));
            count = count.plus(new CatalogChanges.Count(written.created() ? 1 : 0,
                    !written.created() && written.changed() ? 1 : 0, written.changed() ? 0 : 1));
        }
        return count;
    }

    @Override
    public List<Object> export() {
        return rules.export();
    }

    private static ObjectNode withoutId(JsonNode entry) {
        ObjectNode body = (ObjectNode) entry.deepCopy();
        body.remove("id");
        return body;
    }
}
