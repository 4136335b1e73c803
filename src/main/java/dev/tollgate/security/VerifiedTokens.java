package dev.tollgate.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tokens found valid a moment ago, by the hash of their secret. A pipeline's gate and ingest
 * calls come many a second with one token, and reading it on every request cost the gate a
 * twentieth of an evaluation. A token is read again once its last check is older than
 * {@link #REVALIDATE_AFTER}: a token revoked on another node, or deleted there with its team,
 * stops working on this one within that time; on the node that revokes it, at once
 * ({@link #forgetToken}, {@link #forgetTeam}). Expiry is checked on every request. Only valid
 * tokens are kept, so presented secrets that match nothing never fill it. Thread-safe.
 */
final class VerifiedTokens {

    /** The bound on how long a revocation on another node takes to hold here. */
    static final Duration REVALIDATE_AFTER = Duration.ofSeconds(1);

    private record Verified(ApiToken token, long checkedAt) {
    }

    private final ConcurrentHashMap<String, Verified> byHash = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    VerifiedTokens() {
        this(System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds (tests move their own) */
    VerifiedTokens(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The token of {@code hash} if it was found valid within the bound, else null. */
    ApiToken get(String hash) {
        Verified verified = byHash.get(hash);
        if (verified == null) {
            return null;
        }
        if (nanoTime.getAsLong() - verified.checkedAt() > REVALIDATE_AFTER.toNanos()) {
            byHash.remove(hash, verified);
            return null;
        }
        return verified.token();
    }

    /** Notes that the token of {@code hash} was read from the database just now and is valid. */
    void put(String hash, ApiToken token) {
        byHash.put(hash, new Verified(token, nanoTime.getAsLong()));
    }

    void forgetToken(String id) {
        byHash.values().removeIf(verified -> verified.token().id().equals(id));
    }

    void forgetTeam(String team) {
        byHash.values().removeIf(verified -> team.equals(verified.token().team()));
    }

    void forgetAll() {
        byHash.clear();
    }
}
