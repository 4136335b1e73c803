package dev.tollgate.ui;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DEPLOYMENT_WINDOW rule: promotions only in the allowed slots (days, from, to, in a time zone;
 * a slot may run past midnight) and never on the denied dates. Outside, the gate waits.
 */
final class DeploymentWindowParamsForm extends RuleParamsForm {

    private static final String ALLOW = POINTER + "/allow";

    private final ComboBox<String> timezone = new ComboBox<>("Time zone");
    private final Div slots = new Div();
    private final List<Slot> allowed = new ArrayList<>();
    private final TextField deny = field("Denied dates (optional)", "param-deny");
    private FormViolations violations;

    DeploymentWindowParamsForm() {
        timezone.setId("param-timezone");
        timezone.setManualValidation(true);
        timezone.setRequiredIndicatorVisible(true);
        timezone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        // Offsets such as +01:00 are zones too, though no list names them.
        timezone.setAllowCustomValue(true);
        timezone.addCustomValueSetListener(e -> timezone.setValue(e.getDetail()));
        ZoneId browser = BrowserTime.zone();
        timezone.setValue(browser instanceof ZoneOffset ? "UTC" : browser.getId());
        slots.addClassName("allowed-slots");
        Button add = new Button("Add a slot", VaadinIcon.PLUS.create(), e -> addSlot(workingHours()));
        add.setId("param-allow-add");
        add.addThemeVariants(ButtonVariant.TERTIARY);
        deny.setPlaceholder("2026-12-24, 2026-12-31");
        deny.setHelperText("Dates (YYYY-MM-DD) separated by commas, on which no slot opens");
        add(timezone, deny, slots, add);
        setColspan(slots, 2);
        addSlot(workingHours());
    }

    /** A new slot's starting point: weekdays, during the working day. */
    private static Slot workingHours() {
        return new Slot(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(16, 0));
    }

    private void addSlot(Slot slot) {
        allowed.add(slot);
        slot.remove.addClickListener(e -> {
            allowed.remove(slot);
            slots.remove(slot);
            renumber();
        });
        slots.add(slot);
        renumber();
    }

    /** Violations point at a slot by its index: after a removal, the rows below move up. */
    private void renumber() {
        for (int i = 0; i < allowed.size(); i++) {
            allowed.get(i).number(i);
        }
        if (violations != null) {
            register(violations);
        }
    }

    @Override
    ObjectNode params() {
        ObjectNode json = object();
        putText(json, "timezone", timezone.getValue());
        ArrayNode allow = json.putArray("allow");
        allowed.forEach(slot -> allow.add(slot.json()));
        putList(json, "deny", deny.getValue());
        return json;
    }

    @Override
    void fill(JsonNode params) {
        timezone.setValue(text(params, "timezone"));
        allowed.clear();
        slots.removeAll();
        params.path("allow").forEach(slot -> addSlot(Slot.of(slot)));
        deny.setValue(listText(params, "deny"));
    }

    @Override
    void register(FormViolations violations) {
        this.violations = violations;
        violations.forget(ALLOW);
        violations.on(POINTER + "/timezone", timezone).on(POINTER + "/deny", deny, "date");
        for (int i = 0; i < allowed.size(); i++) {
            Slot slot = allowed.get(i);
            String pointer = ALLOW + "/" + i;
            violations.on(pointer, slot.days).on(pointer + "/days", slot.days, "day").on(pointer + "/from", slot.from)
                    .on(pointer + "/to", slot.to);
        }
        if (!allowed.isEmpty()) {
            violations.on(ALLOW, allowed.getFirst().days);
        }
    }

    /** One allowed slot: the days it opens on, and from when until when. */
    private static final class Slot extends Div {

        private final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>("Days");
        private final TimePicker from = new TimePicker("From");
        private final TimePicker to = new TimePicker("To");
        private final Button remove = new Button(VaadinIcon.TRASH.create());

        Slot(Set<DayOfWeek> open, LocalTime opens, LocalTime closes) {
            addClassName("allowed-slot");
            days.setItems(DayOfWeek.values());
            days.setItemLabelGenerator(Slot::wire);
            days.setManualValidation(true);
            days.setValue(open);
            from.setManualValidation(true);
            from.setValue(opens);
            to.setManualValidation(true);
            to.setValue(closes);
            to.setHelperText("Before from: the slot runs past midnight");
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setTooltipText("Remove this slot");
            add(days, from, to, remove);
        }

        static Slot of(JsonNode json) {
            Set<DayOfWeek> open = EnumSet.noneOf(DayOfWeek.class);
            json.path("days").forEach(day -> Arrays.stream(DayOfWeek.values())
                    .filter(candidate -> wire(candidate).equals(day.asString())).forEach(open::add));
            return new Slot(open, time(json, "from"), time(json, "to"));
        }

        private static LocalTime time(JsonNode json, String name) {
            try {
                return LocalTime.parse(text(json, name));
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        void number(int index) {
            days.setId("param-allow-" + index + "-days");
            from.setId("param-allow-" + index + "-from");
            to.setId("param-allow-" + index + "-to");
            remove.setAriaLabel("Remove slot " + (index + 1));
        }

        ObjectNode json() {
            ObjectNode json = object();
            ArrayNode list = json.putArray("days");
            Arrays.stream(DayOfWeek.values()).filter(days.getValue()::contains).map(Slot::wire).forEach(list::add);
            if (from.getValue() != null) {
                json.put("from", from.getValue().toString());
            }
            if (to.getValue() != null) {
                json.put("to", to.getValue().toString());
            }
            return json;
        }

        /** MON, TUE, …: as API.md writes days. */
        private static String wire(DayOfWeek day) {
            return day.name().substring(0, 3).toUpperCase(Locale.ROOT);
        }
    }
}
