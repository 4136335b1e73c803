package dev.tollgate.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import dev.tollgate.TollgateApplication;

/**
 * The one Spring context of the HTTP API tests: the whole application on a random port, with an
 * in-memory H2 (test {@code config/application.properties}) and a {@link TestClock}. Every API
 * test class uses exactly this annotation and nothing that changes the context (no extra
 * properties, no mock beans), so Spring's context cache starts the application once for all.
 * Tests share the database: each works on identifiers of its own ({@link ApiClient#unique}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { TollgateApplication.class, TestClockConfiguration.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface HttpApiTest {
}
