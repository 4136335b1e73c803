package dev.tollgate.rules;

/** What a rule of each kind is configured with: one record per {@link RuleKind}. */
sealed interface RuleParams permits Threshold, BakeTime, PromotionOrder, TestsPassed, DeploymentWindow,
        ChangeFailureRate, Expression {

    RuleKind kind();
}
