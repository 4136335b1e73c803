package dev.tollgate.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.tollgate.security.CurrentCaller;

import jakarta.annotation.security.PermitAll;

/**
 * The frame around every view but the login: the title, the colour scheme, who is signed in,
 * and the navigation. The admin section is only listed to admins; the admin views check again.
 */
@Layout
@PermitAll
// Keeps the chart (and uPlot) in the part of the production bundle every page loads, where the
// committed bundle has it: a bundle only holds what its routes and layouts reach, and
// TimeSeriesChartIT's test-only route is beyond its reach.
@Uses(TimeSeriesChart.class)
class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication, CurrentCaller callers) {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("drawer-toggle");
        toggle.setAriaLabel("Menu");

        Span title = new Span("Tollgate");
        title.addClassName("app-title");
        Span user = new Span(VaadinIcon.USER.create(), new Span(callers.displayName()));
        user.setId("signed-in-user");
        user.addClassName("signed-in-user");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        Div header = new Div(title, new ColorSchemeToggle(), user, signOut);
        header.addClassName("app-header");
        addToNavbar(toggle, header);

        Div navigation = new Div(mainNavigation());
        navigation.addClassName("app-navigation");
        if (authentication.hasRole("ADMIN")) {
            navigation.add(adminNavigation());
        }
        addToDrawer(new Scroller(navigation));
    }

    private static SideNav mainNavigation() {
        SideNav nav = new SideNav();
        nav.setId("nav-main");
        nav.addItem(item("Overview", HomeView.class, VaadinIcon.DASHBOARD, "nav-overview"),
                item("Services", ServicesView.class, VaadinIcon.CUBES, "nav-services"),
                item("Gate evaluations", GateEvaluationsView.class, VaadinIcon.ROAD_BRANCHES, "nav-gate"),
                item("Rules", RulesView.class, VaadinIcon.GAVEL, "nav-rules"),
                item("Operational review", OperationalReviewView.class, VaadinIcon.CLIPBOARD_PULSE, "nav-review"));
        return nav;
    }

    private static SideNav adminNavigation() {
        SideNav nav = new SideNav("Admin");
        nav.setId("nav-admin");
        nav.setCollapsible(true);
        nav.addItem(item("Teams", TeamAdminView.class, VaadinIcon.GROUP, "nav-admin-teams"),
                item("Services", ServiceAdminView.class, VaadinIcon.SERVER, "nav-admin-services"),
                item("API tokens", TokenAdminView.class, VaadinIcon.KEY, "nav-admin-tokens"),
                item("Users", UserAdminView.class, VaadinIcon.USERS, "nav-admin-users"),
                item("Audit log", AuditLogView.class, VaadinIcon.CLIPBOARD_TEXT, "nav-admin-audit"));
        return nav;
    }

    private static SideNavItem item(String label, Class<? extends Component> view, VaadinIcon icon, String id) {
        SideNavItem item = new SideNavItem(label, view, icon.create());
        item.setId(id);
        return item;
    }
}
