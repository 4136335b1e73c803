package dev.tollgate.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

@Route("services")
@PageTitle("Services · Tollgate")
@PermitAll
class ServicesView extends ComingSoonView {

    ServicesView() {
        super("Services",
                "Every service in the catalog with its promotion path, its latest deployment in each "
                        + "stage and its scorecard: operational figures, DORA figures and gate outcomes.");
    }
}
