package dev.tollgate.rules;

/**
 * A {@code PROMOTION_ORDER} rule's params (none): the version SUCCEEDED in the source stage, and
 * no THRESHOLD rule of the source stage failed since.
 */
record PromotionOrder() implements RuleParams {

    @Override
    public RuleKind kind() {
        return RuleKind.PROMOTION_ORDER;
    }
}
