package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tollgate.rules.Verdict.Decision;
import dev.tollgate.rules.Verdict.Weighed;

class VerdictTest {

    @Test
    void no_results_or_only_passes_and_warnings_promote() {
        assertThat(Verdict.of(List.of()).decision()).isEqualTo(Decision.PROMOTE);
        assertThat(Verdict.of(List.of(enforced(Effect.NONE), enforced(Effect.WARN))).decision())
                .isEqualTo(Decision.PROMOTE);
    }

    @Test
    void the_strongest_enforced_effect_decides() {
        assertThat(Verdict.of(List.of(enforced(Effect.WAIT), enforced(Effect.STOP))).decision()).isEqualTo(Decision.STOP);
        assertThat(Verdict.of(List.of(enforced(Effect.ROLLBACK), enforced(Effect.STOP), enforced(Effect.WAIT)))
                .decision()).isEqualTo(Decision.ROLLBACK);
    }

    @Test
    void a_dry_run_is_shown_but_never_decides() {
        Verdict verdict = Verdict.of(List.of(new Weighed(Effect.ROLLBACK, true, Optional.empty()), enforced(Effect.WARN)));

        assertThat(verdict.decision()).isEqualTo(Decision.PROMOTE);
    }

    @Test
    void waiting_retries_after_the_longest_wait() {
        Verdict verdict = Verdict.of(List.of(waiting(Duration.ofMinutes(10)), waiting(Duration.ofMinutes(50)),
                enforced(Effect.NONE)));

        assertThat(verdict.decision()).isEqualTo(Decision.WAIT);
        assertThat(verdict.retryAfter()).contains(Duration.ofMinutes(50));
        assertThat(Verdict.of(List.of(waiting(Duration.ofMinutes(10)), enforced(Effect.STOP))).retryAfter()).isEmpty();
    }

    @Test
    void failures_and_missing_data_weigh_as_the_rule_says_and_errors_stop() {
        assertThat(Verdict.effectOf(RuleStatus.FAIL, OnFail.ROLLBACK, OnNoData.STOP)).isEqualTo(Effect.ROLLBACK);
        assertThat(Verdict.effectOf(RuleStatus.FAIL, OnFail.WARN, OnNoData.STOP)).isEqualTo(Effect.WARN);
        assertThat(Verdict.effectOf(RuleStatus.NO_DATA, OnFail.STOP, OnNoData.PASS)).isEqualTo(Effect.NONE);
        assertThat(Verdict.effectOf(RuleStatus.NO_DATA, OnFail.STOP, OnNoData.STOP)).isEqualTo(Effect.STOP);
        assertThat(Verdict.effectOf(RuleStatus.ERROR, OnFail.WARN, OnNoData.PASS)).isEqualTo(Effect.STOP);
        assertThat(Verdict.effectOf(RuleStatus.WAIT, OnFail.WARN, OnNoData.PASS)).isEqualTo(Effect.WAIT);
        assertThat(Verdict.effectOf(RuleStatus.PASS, OnFail.ROLLBACK, OnNoData.STOP)).isEqualTo(Effect.NONE);
    }

    private static Weighed enforced(Effect effect) {
        return new Weighed(effect, false, Optional.empty());
    }

    private static Weighed waiting(Duration duration) {
        return new Weighed(Effect.WAIT, false, Optional.of(duration));
    }
}
