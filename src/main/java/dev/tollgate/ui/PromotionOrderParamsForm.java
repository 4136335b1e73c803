package dev.tollgate.ui;

import com.vaadin.flow.component.html.Paragraph;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A PROMOTION_ORDER rule has nothing to set: the service's stage path says it all. */
final class PromotionOrderParamsForm extends RuleParamsForm {

    PromotionOrderParamsForm() {
        Paragraph text = new Paragraph("Nothing to set: the version must have SUCCEEDED in the stage before the "
                + "target in the service's path, with no threshold of that stage failed since.");
        text.addClassName("muted");
        add(text);
    }

    @Override
    ObjectNode params() {
        return object();
    }

    @Override
    void fill(JsonNode params) {
        // No params to show.
    }

    @Override
    void register(FormViolations violations) {
        // No fields.
    }
}
