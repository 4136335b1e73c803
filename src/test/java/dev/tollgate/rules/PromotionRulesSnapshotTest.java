package dev.tollgate.rules;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules in memory follow the catalog stamp forward, and never back. */
class PromotionRulesSnapshotTest {

    private final RuleRepository repository = mock(RuleRepository.class);
    private final PromotionRules rules = new PromotionRules(repository);
    private final GateRequest request = new GateRequest("checkout", "payments", "1.4.0", "gamma", "prod",
            Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void reads_the_rules_once_for_each_newer_stamp_only() {
        when(repository.list(null, null)).thenReturn(List.of());
        GateFacts facts = mock(GateFacts.class);

        rules.decide(request, 5, facts);
        rules.decide(request, 5, facts);
        rules.decide(request, 6, facts);
        // Evaluations that read the stamp before a change keep coming after it.
        for (int i = 0; i < 10; i++) {
            rules.decide(request, 5, facts);
            rules.decide(request, 6, facts);
        }
        verify(repository, times(2)).list(null, null);
    }
}
