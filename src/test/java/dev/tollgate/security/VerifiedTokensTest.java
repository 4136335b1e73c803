package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final VerifiedTokens verified = new VerifiedTokens(nanos::get);

    private static ApiToken token(String id, String team) {
        return new ApiToken(id, "ci", Set.of(Scope.GATE), team, "admin", NOW, null, null);
    }

    @Test
    void a_token_is_known_for_the_bound_after_its_check_and_read_again_after_it() {
        ApiToken token = token("t1", null);
        verified.put("hash-1", token);

        nanos.addAndGet(VerifiedTokens.REVALIDATE_AFTER.toNanos());
        assertThat(verified.get("hash-1")).isSameAs(token);

        nanos.addAndGet(1);
        assertThat(verified.get("hash-1")).isNull();
        assertThat(verified.get("hash-2")).isNull();
    }

    @Test
    void revoking_forgets_the_token_and_deleting_a_team_forgets_the_tokens_bound_to_it() {
        verified.put("hash-1", token("t1", "payments"));
        verified.put("hash-2", token("t2", "payments"));
        verified.put("hash-3", token("t3", "checkout"));
        verified.put("hash-4", token("t4", null));

        verified.forgetToken("t4");
        verified.forgetTeam("payments");

        assertThat(verified.get("hash-1")).isNull();
        assertThat(verified.get("hash-2")).isNull();
        assertThat(verified.get("hash-3")).isNotNull();
        assertThat(verified.get("hash-4")).isNull();
    }
}
