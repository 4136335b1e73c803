package dev.tollgate.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

/** The top of a view: what it is, one sentence on what it is for, and its actions. */
final class ViewToolbar extends FlexLayout {

    ViewToolbar(String title, String purpose, Component... actions) {
        addClassName("view-toolbar");
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.END);
        setWidthFull();
        Div heading = new Div(new H2(title));
        heading.addClassName("view-heading");
        if (purpose != null) {
            Paragraph text = new Paragraph(purpose);
            text.addClassName("view-purpose");
            heading.add(text);
        }
        Div buttons = new Div(actions);
        buttons.addClassName("view-actions");
        add(heading, buttons);
    }
}
