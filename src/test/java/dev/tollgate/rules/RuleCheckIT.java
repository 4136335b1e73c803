package dev.tollgate.rules;

import static dev.tollgate.testing.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tollgate.api.Violation;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.testing.HttpApiTest;
import tools.jackson.databind.json.JsonMapper;

/** {@link Rules#check}: what a PUT would refuse, every fault at its pointer, and nothing written. */
@HttpApiTest
class RuleCheckIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Rules rules;

    @Autowired
    RuleRepository repository;

    @Autowired
    CurrentCaller callers;

    @Test
    void an_expression_that_does_not_compile_is_named_with_its_line_and_column_and_nothing_is_written() {
        String id = unique("errors-expression");
        List<Violation> faults = callers.runAsSystem(() -> rules.check(id, JSON.readTree("""
                {"name": "Errors", "scope": {"service": "no-such-service"}, "kind": "EXPRESSION",
                 "params": {"expression": "sum(\\"errors\\", \\"1h\\") >"}}""")));

        assertThat(faults).extracting(Violation::pointer).containsExactlyInAnyOrder("/params/expression");
        assertThat(faults.getFirst().message()).startsWith("line 1, column ");
        assertThat(repository.find(id)).isEmpty();
    }

    @Test
    void a_rule_put_would_take_has_no_faults_but_one_for_a_service_not_in_the_catalog_has() {
        String body = """
                {"name": "Errors", "scope": %s, "kind": "EXPRESSION",
                 "params": {"expression": "sum(\\"errors\\", \\"1h\\") > 5"}}""";

        assertThat(callers.runAsSystem(() -> rules.check(unique("fine"), JSON.readTree(body.formatted("{}")))))
                .isEmpty();
        assertThat(callers.runAsSystem(() -> rules.check(unique("unknown"),
                JSON.readTree(body.formatted("{\"service\": \"nowhere\"}")))))
                .extracting(Violation::pointer).containsExactly("/scope/service");
    }
}
