package dev.tollgate.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

@Route("gate")
@PageTitle("Gate evaluations · Tollgate")
@PermitAll
class GateEvaluationsView extends ComingSoonView {

    GateEvaluationsView() {
        super("Gate evaluations",
                "Every promotion the gate was asked about, newest first: the service, version and target "
                        + "stage, the verdict (promote, wait, stop or roll back), each rule's result, and any "
                        + "override.");
    }
}
