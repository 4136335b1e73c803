package dev.tollgate.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tollgate.api.Violations;

/**
 * A part of the catalog document that another feature owns (the rules): it checks, applies and
 * exports its own entries, so that the catalog need not know that feature, which in turn may use
 * the catalog. {@link CatalogAsCode} checks every part before it applies any, in one transaction.
 */
public interface CatalogSection {

    /** The document's field this section reads, e.g. {@code rules}. */
    String field();

    /**
     * Notes every fault of {@code entries} (as the document's reader left them: maps, lists,
     * strings, numbers) under {@code /<field>/<index>}.
     *
     * @param document the teams and services the document itself brings, which need not be in the catalog yet
     */
    void validate(Violations violations, List<Object> entries, DocumentItems document);

    /** Applies entries that {@link #validate} passed, after the catalog's own parts; checks the caller's rights. */
    CatalogChanges.Count apply(List<Object> entries);

    /** The entries as the caller may see them, in the shape {@link #apply} takes. */
    List<Object> export();

    /** The teams and the services (with their teams) that a document lists. */
    record DocumentItems(Set<String> teams, Map<String, String> services) {

        /** No document: a single item written on its own. */
        public static final DocumentItems NONE = new DocumentItems(Set.of(), Map.of());
    }
}
