package dev.tollgate.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.tollgate.api.ApiDuration;
import dev.tollgate.api.MetricKey;
import dev.tollgate.catalog.Aggregation;

/**
 * The expression of an {@code EXPRESSION} rule: a CEL boolean over metric aggregates, true meaning
 * fail, e.g. {@code sum("errors", "1h") / sum("requests", "1h") > 0.01}. Every aggregation is a
 * function of a metric key and a window ({@code "15m"}, {@code "1h"}, {@code "7d"} or ISO-8601,
 * as {@link ApiDuration} reads them), of the source stage unless a third argument says {@code "target"}
 * or {@code "team"}. The arguments are string literals, so the questions an expression asks are
 * known when it is compiled, and the gate asks each store once per distinct question; the
 * evaluation then only looks the answers up. CEL itself has no loops or side effects: an
 * evaluation is bounded by the size of the expression, which {@link #MAX_LENGTH} bounds.
 */
final class MetricExpression {

    static final int MAX_LENGTH = 2_000;
    /** Whose figure a call without a third argument asks for. */
    private static final String SOURCE = "source";
    /** {@code sum("errors", "1h") > 10} compares a double with an int: allowed, as people write it. */
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelCompiler COMPILER = compiler();
    /**
     * The evaluation under way on this thread. The aggregate functions are bound once, in
     * {@link #RUNTIME}, and look their answers up here: bound anew for every evaluation (as late
     * bindings), they were 8% of all the gate allocated, twenty-two bindings, a map of them, their
     * names, and a window parsed again at every call.
     */
    private static final ScopedValue<Evaluating> EVALUATING = ScopedValue.newInstance();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
            .addFunctionBindings(bindings()).build();

    /** One aggregate the expression needs: of what, over how long, for whom. */
    record Question(Aggregation aggregation, String metric, Duration window, Threshold.Of of) {
    }

    /** Why an expression was refused, and where (1-based line and column; 0 where unknown). */
    static final class InvalidExpression extends Exception {

        private final int line;
        private final int column;

        InvalidExpression(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    /** A call as written: its function's aggregation and the literals of its arguments. */
    private record Call(Aggregation aggregation, String metric, String window, String of) {
    }

    /** An evaluation: the questions of its expression by the calls that ask them, and the stores' answers. */
    private record Evaluating(Map<Call, Question> calls, Map<Question, Double> answers) {

        double answer(Aggregation aggregation, String metric, String window, String of) {
            // Every call was read at compile time and every answer checked before the evaluation.
            return answers.get(calls.get(new Call(aggregation, metric, window, of)));
        }
    }

    private final String text;
    private final CelRuntime.Program program;
    private final Set<Question> questions;
    private final Map<Call, Question> calls;

    private MetricExpression(String text, CelRuntime.Program program, Map<Call, Question> calls) {
        this.text = text;
        this.program = program;
        this.questions = Set.copyOf(new LinkedHashSet<>(calls.values()));
        this.calls = Map.copyOf(calls);
    }

    /** Parses and type-checks {@code text}; a boolean over aggregates of literal metrics and windows or refused. */
    static MetricExpression compile(String text) throws InvalidExpression {
        if (text == null || text.isBlank()) {
            throw new InvalidExpression("An expression is required", 0, 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidExpression("An expression has at most " + MAX_LENGTH + " characters", 0, 0);
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = COMPILER.compile(text).getAst();
        } catch (CelValidationException e) {
            CelIssue first = e.getErrors().get(0);
            CelSourceLocation at = first.getSourceLocation();
            throw new InvalidExpression(first.getMessage(), at.getLine(), at.getColumn() + 1);
        }
        Map<Call, Question> questions = new LinkedHashMap<>();
        List<CelExpr> calls = CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .map(node -> node.expr())
                .filter(expr -> expr.getKind() == CelExpr.ExprKind.Kind.CALL && aggregationOf(expr.call().function()).isPresent())
                .toList();
        for (CelExpr call : calls) {
            Map.Entry<Call, Question> read = question(ast, call);
            questions.put(read.getKey(), read.getValue());
        }
        try {
            return new MetricExpression(text, RUNTIME.createProgram(ast), questions);
        } catch (CelEvaluationException e) {
            throw new InvalidExpression(e.getMessage(), 0, 0);
        }
    }

    String text() {
        return text;
    }

    /** Two expressions of the same text are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MetricExpression expression && expression.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    Set<Question> questions() {
        return questions;
    }

    /**
     * Evaluates with the stores' answers: FAIL when the expression is true, PASS when false,
     * NO_DATA when an aggregate it needs has no value, ERROR when it cannot be evaluated (a
     * division by zero, say).
     */
    RuleResult evaluate(Map<Question, Double> answers) {
        List<String> missing = new ArrayList<>();
        for (Question question : questions) {
            if (answers.get(question) == null) {
                missing.add(describe(question));
            }
        }
        if (!missing.isEmpty()) {
            return RuleResult.noData("no data for " + String.join(", ", missing));
        }
        Object outcome;
        try {
            outcome = ScopedValue.where(EVALUATING, new Evaluating(calls, answers)).call(() -> program.eval(Map.of()));
        } catch (CelEvaluationException e) {
            return new RuleResult(RuleStatus.ERROR, null, null, "the expression could not be evaluated: "
                    + e.getMessage(), Optional.empty());
        }
        boolean fails = Boolean.TRUE.equals(outcome);
        return fails ? RuleResult.fail("true: " + text) : RuleResult.pass("false: " + text);
    }

    /** The aggregate functions, answering from the evaluation under way ({@link #EVALUATING}). */
    private static List<CelFunctionBinding> bindings() {
        List<CelFunctionBinding> bindings = new ArrayList<>();
        for (Aggregation aggregation : Aggregation.values()) {
            String name = aggregation.wireName();
            bindings.add(CelFunctionBinding.from(name + "_source", String.class, String.class,
                    (metric, window) -> EVALUATING.get().answer(aggregation, metric, window, SOURCE)));
            bindings.add(CelFunctionBinding.from(name + "_of", List.of(String.class, String.class, String.class),
                    args -> EVALUATING.get().answer(aggregation, (String) args[0], (String) args[1], (String) args[2])));
        }
        return bindings;
    }

    private static String describe(Question question) {
        return question.aggregation().wireName() + "(\"" + question.metric() + "\", \""
                + ApiDuration.format(question.window()) + "\""
                + (question.of() == Threshold.Of.SOURCE ? "" : ", \"" + question.of().name().toLowerCase(Locale.ROOT)
                        + "\"") + ")";
    }

    /** The call as written, and the question it asks. */
    private static Map.Entry<Call, Question> question(CelAbstractSyntaxTree ast, CelExpr call) throws InvalidExpression {
        Aggregation aggregation = aggregationOf(call.call().function()).orElseThrow();
        List<String> literals = new ArrayList<>();
        for (CelExpr argument : call.call().args()) {
            if (argument.getKind() != CelExpr.ExprKind.Kind.CONSTANT
                    || argument.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                throw invalid(ast, argument, "the arguments of " + aggregation.wireName()
                        + "() are string literals, so that its question is known before it runs");
            }
            literals.add(argument.constant().stringValue());
        }
        String metric = literals.get(0);
        if (!MetricKey.isValid(metric)) {
            throw invalid(ast, call.call().args().get(0), "'" + metric + "' is no metric key: it must be "
                    + MetricKey.DESCRIPTION);
        }
        Duration window = ApiDuration.parse(literals.get(1)).orElseThrow(() -> invalid(ast, call.call().args().get(1),
                "'" + literals.get(1) + "' is no window: it must be " + ApiDuration.DESCRIPTION));
        if (window.compareTo(RuleParamsReader.MAX_DURATION) > 0) {
            throw invalid(ast, call.call().args().get(1), "the window " + RuleParamsReader.MAX_DURATION_DESCRIPTION);
        }
        String of = literals.size() > 2 ? literals.get(2) : SOURCE;
        Threshold.Of whose = ofOf(of).orElseThrow(() -> invalid(ast, call.call().args().get(2),
                "'" + of + "' is none of source, target and team"));
        return Map.entry(new Call(aggregation, metric, literals.get(1), of),
                new Question(aggregation, metric, window, whose));
    }

    private static InvalidExpression invalid(CelAbstractSyntaxTree ast, CelExpr at, String message) {
        Integer offset = ast.getSource().getPositionsMap().get(at.id());
        Optional<CelSourceLocation> location = offset == null ? Optional.empty()
                : ast.getSource().getOffsetLocation(offset);
        return new InvalidExpression(message, location.map(CelSourceLocation::getLine).orElse(0),
                location.map(where -> where.getColumn() + 1).orElse(0));
    }

    private static Optional<Aggregation> aggregationOf(String function) {
        return Arrays.stream(Aggregation.values()).filter(aggregation -> aggregation.wireName().equals(function))
                .findFirst();
    }

    private static Optional<Threshold.Of> ofOf(String text) {
        return Arrays.stream(Threshold.Of.values()).filter(of -> of.name().equalsIgnoreCase(text)).findFirst();
    }

    private static CelCompiler compiler() {
        List<CelFunctionDecl> functions = new ArrayList<>();
        for (Aggregation aggregation : Aggregation.values()) {
            String name = aggregation.wireName();
            functions.add(CelFunctionDecl.newFunctionDeclaration(name,
                    CelOverloadDecl.newGlobalOverload(name + "_source", SimpleType.DOUBLE, SimpleType.STRING,
                            SimpleType.STRING),
                    CelOverloadDecl.newGlobalOverload(name + "_of", SimpleType.DOUBLE, SimpleType.STRING,
                            SimpleType.STRING, SimpleType.STRING)));
        }
        return CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS).addFunctionDeclarations(functions)
                .setResultType(SimpleType.BOOL).build();
    }
}
