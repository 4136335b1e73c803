package dev.tollgate.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.combobox.ComboBox;

import dev.tollgate.catalog.Team;
import dev.tollgate.catalog.TeamCatalog;

/**
 * The teams a caller may pick from, by id, labelled with their names. A team picker needs them
 * all; teams are few (each is a group of people), so they are read once per form.
 */
final class TeamChoices {

    private static final int PAGE = 500;

    private final Map<String, String> names;

    /** Team names by id, in the order to offer them. */
    TeamChoices(Map<String, String> names) {
        this.names = names;
    }

    static TeamChoices load(TeamCatalog teams) {
        Map<String, String> names = new LinkedHashMap<>();
        List<Team> page;
        int offset = 0;
        do {
            page = teams.list(offset, PAGE);
            page.forEach(team -> names.put(team.id(), team.name()));
            offset += PAGE;
        } while (page.size() == PAGE);
        return new TeamChoices(names);
    }

    List<String> ids() {
        return new ArrayList<>(names.keySet());
    }

    /** A picker that narrows a view to one team's items; empty, it shows every team's. */
    ComboBox<String> filter(String id, String ariaLabel) {
        ComboBox<String> filter = new ComboBox<>();
        filter.setId(id);
        filter.setPlaceholder("All teams");
        filter.setAriaLabel(ariaLabel);
        filter.setClearButtonVisible(true);
        filter.setItems(ids());
        filter.setItemLabelGenerator(this::label);
        return filter;
    }

    /** The team's name; its id when it has none the caller may read. */
    String name(String id) {
        return names.getOrDefault(id, id);
    }

    /** "Payments (payments)": people know the name, pipelines the id. */
    String label(String id) {
        String name = names.get(id);
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }
}
