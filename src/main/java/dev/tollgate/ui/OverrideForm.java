package dev.tollgate.ui;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.gate.GateOverride;
import dev.tollgate.gate.OverrideRequest;
import dev.tollgate.gate.Overrides;

/**
 * Lets promotions of a service into a stage through whatever the rules say, for a stated reason
 * and at most a day: a stopgap while a rule is wrong, audited, never a way around the rules for good.
 */
final class OverrideForm extends FormDialog {

    /** Long enough for a fix to land, short enough that nobody forgets the override is there. */
    private static final long DEFAULT_HOURS = 1;

    private final Overrides overrides;
    private final Consumer<GateOverride> onCreated;
    private final ZoneId zone;
    private final ComboBox<String> service = new ComboBox<>("Service");
    private final ComboBox<String> stage = new ComboBox<>("Stage");
    private final TextField version = new TextField("Version (optional)");
    private final TextArea reason = new TextArea("Reason");
    private final DateTimePicker expires = new DateTimePicker("Expires");

    /**
     * {@code services} are those the caller may override for; the service, stage and version of
     * {@code start} fill the fields (each may be null), for an override of an evaluation at hand.
     */
    OverrideForm(Overrides overrides, ServiceChoices choices, List<String> services, Clock clock, OverrideRequest start,
            Consumer<GateOverride> onCreated) {
        super("New override", "Override");
        this.overrides = overrides;
        this.onCreated = onCreated;
        this.zone = BrowserTime.zone();

        service.setId("override-service");
        service.setItems(services);
        service.setRequiredIndicatorVisible(true);
        service.setManualValidation(true);
        service.addValueChangeListener(e -> stage.setItems(choices.stagesOf(e.getValue())));
        stage.setId("override-stage");
        stage.setRequiredIndicatorVisible(true);
        stage.setManualValidation(true);
        stage.setHelperText("The stage promotions go into");
        version.setId("override-version");
        version.setHelperText("Empty: any version of the service");
        version.setManualValidation(true);
        reason.setId("override-reason");
        reason.setMinLength(GateOverride.MIN_REASON_LENGTH);
        reason.setMaxLength(GateOverride.MAX_REASON_LENGTH);
        reason.setHelperText("Why, in at least " + GateOverride.MIN_REASON_LENGTH + " characters: the audit log "
                + "keeps it, and every evaluation it lets through shows it");
        reason.setRequiredIndicatorVisible(true);
        reason.setManualValidation(true);
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES);
        expires.setId("override-expires");
        expires.setMin(now);
        expires.setMax(now.plus(Overrides.MAX_DURATION));
        expires.setValue(now.plusHours(DEFAULT_HOURS));
        expires.setHelperText("At most " + Overrides.MAX_DURATION.toHours() + " hours ahead. Times are in "
                + zone.getId());
        expires.setRequiredIndicatorVisible(true);
        expires.setManualValidation(true);
        form.add(service, stage, version, reason, expires);
        violations.on("service", service).on("stage", stage).on("version", version).on("reason", reason)
                .on("expiresAt", expires);

        if (services.contains(start.service())) {
            service.setValue(start.service());
            stage.setValue(choices.stagesOf(start.service()).contains(start.stage()) ? start.stage() : null);
            version.setValue(start.version() == null ? "" : start.version());
        }
        reason.setAutofocus(true);
    }

    @Override
    void save() {
        String typedVersion = version.getValue().strip();
        onCreated.accept(overrides.create(new OverrideRequest(service.getValue(), stage.getValue(),
                typedVersion.isEmpty() ? null : typedVersion, reason.getValue(),
                expires.getValue() == null ? null : expires.getValue().atZone(zone).toInstant())));
    }
}
