package dev.tollgate.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import dev.tollgate.delivery.Deployment;
import dev.tollgate.delivery.DeploymentStatus;
import dev.tollgate.gate.GateEvaluation;

/** A service's stages in path order, each with the version it runs and the gate's latest verdict into it. */
final class StageStrip extends Div {

    StageStrip(List<StageStatus> stages) {
        setId("stage-strip");
        addClassName("stage-strip");
        stages.forEach(stage -> add(card(stage)));
    }

    private static Div card(StageStatus status) {
        Span name = new Span(status.stage());
        name.addClassName("stage-card-name");
        Div card = new Div(name, deployed(status.deployed()), gate(status.gate()));
        card.setId("stage-" + status.stage());
        card.addClassName("stage-card");
        return card;
    }

    private static Span deployed(Deployment deployment) {
        if (deployment == null) {
            Span nothing = new Span("Nothing deployed yet");
            nothing.addClassName("muted");
            return nothing;
        }
        Span version = new Span(deployment.version()
                + (deployment.status() == DeploymentStatus.SUCCEEDED ? "" : " (" + deployment.status() + ")"));
        version.addClassName("stage-version");
        version.setTitle("Deployed " + BrowserTime.format(deployment.time(), ""));
        return version;
    }

    private static Div gate(GateEvaluation evaluation) {
        if (evaluation == null) {
            Span never = new Span("Gate never asked");
            never.addClassName("muted");
            return new Div(never);
        }
        Span about = new Span(" for " + evaluation.version());
        about.addClassName("muted");
        Div gate = new Div(GateEvaluationDetail.verdict(evaluation.verdict()), about);
        gate.addClassName("stage-gate");
        gate.setTitle("Asked " + BrowserTime.format(evaluation.evaluatedAt(), ""));
        return gate;
    }
}
