package dev.tollgate.ui;

import static com.codeborne.selenide.Selenide.Wait;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The UI's Content-Security-Policy is in force in a real browser, and the check every browser
 * test ends with ({@link JourneySteps#assertNoContentSecurityPolicyViolations}) sees what it refuses:
 * a check that saw nothing would pass every journey whatever the policy broke.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;

    @Test
    void the_browser_refuses_an_image_from_another_site_and_the_check_reports_it() {
        JourneySteps.signIn(port, "admin", "test-admin-password");
        JourneySteps.assertNoContentSecurityPolicyViolations();

        executeJavaScript("const image = document.createElement('img');"
                + " image.src = 'https://images.example.invalid/tracker.png'; document.body.append(image);");

        List<String> reported = new ArrayList<>();
        Wait().until(browser -> {
            try {
                JourneySteps.assertNoContentSecurityPolicyViolations();
                return false;
            } catch (AssertionError violations) {
                reported.add(violations.getMessage());
                return true;
            }
        });
        assertThat(reported.getFirst()).contains("images.example.invalid", "img-src");
    }
}
