package dev.tollgate.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in user sees for a path that leads nowhere. Vaadin answers a view the user may
 * not open the same way, so that its existence is not given away; the text says both.
 */
@ParentLayout(MainLayout.class)
@PermitAll
class PageNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private final Paragraph text = new Paragraph();

    PageNotFoundView() {
        addClassName("page-not-found");
        text.setId("page-not-found-text");
        add(new ViewToolbar("Page not found", null), text, new RouterLink("Go to the overview", HomeView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        text.setText("There is no page at /" + event.getLocation().getPath() + ", or it is not open to you.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
