package dev.tollgate.ui;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.TextField;

import dev.tollgate.security.ApiTokens;
import dev.tollgate.security.IssuedToken;
import dev.tollgate.security.NewToken;
import dev.tollgate.security.Scope;

/** Asks for what a new API token may do, and for how long. */
final class TokenForm extends FormDialog {

    private final ApiTokens tokens;
    private final Consumer<IssuedToken> onIssued;
    private final ZoneId zone;
    private final TextField name = new TextField("Name");
    private final CheckboxGroup<Scope> scopes = new CheckboxGroup<>("Scopes");
    private final ComboBox<String> team = new ComboBox<>("Team");
    private final DateTimePicker expires = new DateTimePicker("Expires");

    TokenForm(ApiTokens tokens, TeamChoices teams, Clock clock, Consumer<IssuedToken> onIssued) {
        super("New API token", "Create token");
        this.tokens = tokens;
        this.onIssued = onIssued;
        this.zone = BrowserTime.zone();

        name.setId("token-name");
        name.setMaxLength(ApiTokens.MAX_NAME_LENGTH);
        name.setHelperText("Who or what uses it, e.g. the pipeline of checkout");
        name.setRequiredIndicatorVisible(true);
        name.setManualValidation(true);
        name.setAutofocus(true);
        scopes.setId("token-scopes");
        scopes.setItems(Scope.values());
        scopes.setItemLabelGenerator(TokenForm::describe);
        scopes.setRequiredIndicatorVisible(true);
        scopes.setManualValidation(true);
        team.setId("token-team");
        team.setItems(teams.ids());
        team.setItemLabelGenerator(teams::label);
        team.setPlaceholder("All teams");
        team.setClearButtonVisible(true);
        team.setHelperText("A token bound to a team acts only on that team and its services");
        team.setManualValidation(true);
        expires.setId("token-expires");
        expires.setMin(LocalDateTime.now(clock.withZone(zone)));
        expires.setHelperText("Empty: it never expires. Times are in " + zone.getId());
        expires.setManualValidation(true);
        form.add(name, scopes, team, expires);
        violations.on("name", name).on("scopes", scopes, "scope").on("team", team).on("expiresAt", expires);
    }

    @Override
    void save() {
        List<String> scopeNames = Arrays.stream(Scope.values()).filter(scopes.getValue()::contains)
                .map(Scope::wireName).toList();
        onIssued.accept(tokens.issue(new NewToken(name.getValue(), scopeNames, team.getValue(),
                expires.getValue() == null ? null : expires.getValue().atZone(zone).toInstant())));
    }

    private static String describe(Scope scope) {
        return scope.wireName() + switch (scope) {
            case INGEST -> ": send metrics, deployments and test runs";
            case GATE -> ": ask the promotion gate";
            case OVERRIDE -> ": override a gate verdict for a while";
            case READ -> ": read the catalog, figures and evaluations";
            case REVIEW -> ": record operational reviews and action items";
            case ADMIN -> ": everything, including tokens and the catalog";
        };
    }
}
