package dev.tollgate.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

@Route("review")
@PageTitle("Operational review · Tollgate")
@PermitAll
class OperationalReviewView extends ComingSoonView {

    OperationalReviewView() {
        super("Operational review",
                "A weekly operational review for each team: its scorecard against the week before, the "
                        + "gate's stops and overrides, and the input goals and enablement figures to discuss.");
    }
}
