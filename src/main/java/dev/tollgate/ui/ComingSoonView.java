package dev.tollgate.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A view whose feature is not built yet: it says plainly what will appear here, and nothing else. */
abstract class ComingSoonView extends VerticalLayout {

    ComingSoonView(String title, String whatWillAppear) {
        addClassName("coming-soon");
        add(new ViewToolbar(title, null));
        Paragraph text = new Paragraph(whatWillAppear);
        text.setId("coming-soon-text");
        Paragraph notYet = new Paragraph("This part of Tollgate is not built yet.");
        notYet.addClassName("muted");
        VerticalLayout empty = new VerticalLayout(VaadinIcon.HOURGLASS.create(), text, notYet);
        empty.addClassName("empty-state");
        add(empty);
    }
}
