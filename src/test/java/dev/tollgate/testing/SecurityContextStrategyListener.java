package dev.tollgate.testing;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points Spring Security's JVM-wide {@link SecurityContextHolder} at the strategy of the context
 * a test runs against.
 * <p>
 * Vaadin installs its own strategy bean globally whenever a context starts, while each context's
 * security filters keep the one of their own context. Tollgate's token filter and
 * {@code CurrentCaller} use the global holder, so once a second context (another configuration)
 * has started in the same JVM, requests to the first one lose their authentication: every
 * authenticated call answers 401. Production runs one context and is not affected.
 */
public class SecurityContextStrategyListener implements TestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        useStrategyOf(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        useStrategyOf(testContext);
    }

    private static void useStrategyOf(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }
}
