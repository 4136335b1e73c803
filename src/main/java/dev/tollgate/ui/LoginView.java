package dev.tollgate.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Tollgate")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** Where the form posts, as SecurityConfiguration processes it. */
    static final String SIGN_IN = "sign-in";

    private final LoginForm form = new LoginForm();

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        // Not "login": Vaadin exempts its login view's path from CSRF protection, and a sign-in
        // without the page's CSRF token would let another site sign a browser into its account.
        form.setAction(SIGN_IN);
        form.setForgotPasswordButtonVisible(false);
        add(new H1("Tollgate"), new Paragraph("Scorecards and a promotion gate for your services"), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
