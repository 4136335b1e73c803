package dev.tollgate.ui;

import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.SelenideElement;
import com.codeborne.selenide.WebDriverRunner;

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

    /**
     * Asserts that the browser refused nothing under the Content-Security-Policy since the last
     * look: a policy that blocks a script or a style of Vaadin's breaks the page, often silently.
     * Reading the browser's log empties it. {@link HeadlessChromium} calls this after every test.
     */
    static void assertNoContentSecurityPolicyViolations() {
        if (!WebDriverRunner.hasWebDriverStarted()) {
            return;
        }
        List<String> violations = WebDriverRunner.getWebDriver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(violations).as("Content-Security-Policy violations in the browser's log").isEmpty();
    }

    /** Views scroll inside the app layout, and dialogs inside themselves: what lies at their edge may be covered. */
    static SelenideElement inView(String selector) {
        return $(selector).scrollIntoView("{block: 'center'}");
    }
}
