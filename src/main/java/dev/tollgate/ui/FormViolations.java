package dev.tollgate.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Violation;

/**
 * Puts the violations a service found next to the fields they are about. Services name a field
 * by a pointer ({@code /name}, {@code team}, {@code /stages/2}, {@code /params/deny/1}); the
 * longest registered name its segments start with names the field ({@code params/deny}), the
 * segment after it the item within it. What matches no field is shown in a notice, never lost.
 */
final class FormViolations {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Map<String, String> itemNouns = new LinkedHashMap<>();

    /** Shows violations whose pointer starts with {@code name} (segments joined by '/', no leading one) on {@code field}. */
    FormViolations on(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    /** As {@link #on(String, HasValidation)}, for a field holding a list: "stage 2: …" names the item. */
    FormViolations on(String name, HasValidation field, String itemNoun) {
        itemNouns.put(name, itemNoun);
        return on(name, field);
    }

    /**
     * Drops the fields registered under {@code name} and below it: a part of the form that was
     * replaced (a rule's params when its kind changes) must not keep catching violations.
     */
    void forget(String name) {
        fields.keySet().removeIf(registered -> registered.equals(name) || registered.startsWith(name + "/"));
        itemNouns.keySet().removeIf(registered -> registered.equals(name) || registered.startsWith(name + "/"));
    }

    void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    void show(InvalidInputException refusal) {
        clear();
        Map<HasValidation, List<String>> messages = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (Violation violation : refusal.violations()) {
            String[] segments = segments(violation.pointer());
            int matched = longestRegistered(segments);
            String name = matched == 0 ? null : String.join("/", Arrays.copyOf(segments, matched));
            HasValidation field = name == null ? null : fields.get(name);
            String message = segments.length > matched && field != null
                    ? itemNouns.getOrDefault(name, "item") + " " + item(segments[matched]) + ": " + violation.message()
                    : violation.message();
            if (field == null) {
                unplaced.add(violation.pointer() == null ? message : violation.pointer() + " " + message);
            } else {
                messages.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
            }
        }
        messages.forEach((field, texts) -> {
            field.setErrorMessage(String.join("; ", texts));
            field.setInvalid(true);
        });
        if (!unplaced.isEmpty() || messages.isEmpty()) {
            Notices.error(refusal.getMessage() + (unplaced.isEmpty() ? "" : ": " + String.join("; ", unplaced)));
        }
    }

    /** How many leading segments name a registered field; 0 when none does. */
    private int longestRegistered(String[] segments) {
        for (int count = segments.length; count > 0; count--) {
            if (fields.containsKey(String.join("/", Arrays.copyOf(segments, count)))) {
                return count;
            }
        }
        return 0;
    }

    private static String[] segments(String pointer) {
        if (pointer == null) {
            return new String[0];
        }
        String path = pointer.startsWith("/") ? pointer.substring(1) : pointer;
        return path.isEmpty() ? new String[0] : path.split("/");
    }

    /** Pointers count from 0; people count from 1. */
    private static String item(String index) {
        try {
            return Integer.toString(Integer.parseInt(index) + 1);
        } catch (NumberFormatException e) {
            return index;
        }
    }
}
