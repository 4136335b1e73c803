package dev.tollgate.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

@Route("rules")
@PageTitle("Rules · Tollgate")
@PermitAll
class RulesView extends ComingSoonView {

    RulesView() {
        super("Rules",
                "The rules the gate applies, by team, service and stage: thresholds, bake times, "
                        + "promotion order, tests passed, deployment windows, change failure rate and expressions, "
                        + "with a backtest of each over past data.");
    }
}
