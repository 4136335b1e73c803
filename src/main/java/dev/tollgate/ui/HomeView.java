package dev.tollgate.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

@Route("")
@PageTitle("Overview · Tollgate")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView() {
        add(new H2("Overview"));
    }
}
