package dev.tollgate.ui;

import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.SelenideElement;

/** Steps the browser journeys share. */
final class JourneySteps {

    private JourneySteps() {
    }

    /** Tests share the browser: whoever signed in before is signed out first. */
    static void signIn(int port, String username, String password) {
        Selenide.clearBrowserCookies();
        open("http://localhost:" + port + "/login");
        $("vaadin-login-form input[name=username]").setValue(username);
        $("vaadin-login-form input[name=password]").setValue(password);
        $("vaadin-login-form vaadin-button").click();
        $("#signed-in-user").shouldBe(visible);
    }

    /** Views scroll inside the app layout, and dialogs inside themselves: what lies at their edge may be covered. */
    static SelenideElement inView(String selector) {
        return $(selector).scrollIntoView("{block: 'center'}");
    }
}
