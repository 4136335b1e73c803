package dev.tollgate.rules;

/** An {@code EXPRESSION} rule's params: its compiled CEL expression. */
record Expression(MetricExpression expression) implements RuleParams {

    @Override
    public RuleKind kind() {
        return RuleKind.EXPRESSION;
    }
}
