package dev.tollgate.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tollgate.api.Identifier;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violations;

/** Issues, lists, revokes and checks API tokens. */
@Service
public class ApiTokens {

    public static final int MAX_NAME_LENGTH = 100;
    static final String BOOTSTRAP_CREATOR = "bootstrap";
    /** How stale a token's "last used" may get before a request updates it. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final ApiTokenRepository tokens;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final Clock clock;
    private final VerifiedTokens verified = new VerifiedTokens();

    ApiTokens(ApiTokenRepository tokens, CurrentCaller callers, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token; the answer holds the only copy of its secret. */
    @Transactional
    public IssuedToken issue(NewToken request) {
        Caller caller = callers.get();
        caller.require(Scope.ADMIN);
        Instant now = clock.instant();
        Set<Scope> scopes = validate(request, now);
        // A team-bound admin token may only hand out tokens bound to its own team.
        caller.require(Scope.ADMIN, request.team());
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), request.name().strip(), scopes, request.team(),
                caller.actor(), now, request.expiresAt(), null);
        String secret = TokenSecrets.newSecret();
        try {
            tokens.insert(token, TokenSecrets.hash(secret));
        } catch (DataIntegrityViolationException e) {
            throw InvalidInputException.of("/team", "team '" + request.team() + "' does not exist");
        }
        audit.record("TOKEN_CREATED", "token", token.id(), describe(token));
        return IssuedToken.of(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        Caller caller = callers.get();
        caller.require(Scope.ADMIN);
        return tokens.findActive(boundTeam(caller));
    }

    @Transactional
    public void revoke(String id) {
        Caller caller = callers.get();
        caller.require(Scope.ADMIN);
        ApiToken token = tokens.findActive(id, null).orElseThrow(() -> new NotFoundException("Token", id));
        // API.md: a token without the needed team answers 403; an unbound token is no team's to revoke.
        caller.require(Scope.ADMIN, token.team());
        tokens.revoke(id, clock.instant());
        afterCommit(() -> verified.forgetToken(id));
        audit.record("TOKEN_REVOKED", "token", id, describe(token));
    }

    /**
     * The caller a presented secret stands for, if it is a known, unexpired, unrevoked token. A
     * token checked within the last second is not read again ({@link VerifiedTokens}). No
     * transaction: a read, and now and then an update of "last used" that stands on its own.
     */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 512) {
            return Optional.empty();
        }
        String hash = TokenSecrets.hash(secret);
        Instant now = clock.instant();
        ApiToken known = verified.get(hash);
        if (known != null) {
            return known.isExpired(now) ? Optional.empty() : Optional.of(callerOf(known));
        }
        return tokens.findByHash(hash)
                .filter(stored -> TokenSecrets.sameHash(stored.hash(), hash))
                .filter(stored -> stored.revokedAt() == null && !stored.token().isExpired(now))
                .map(stored -> {
                    ApiToken token = stored.token();
                    if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
                        tokens.touch(token.id(), now);
                        token = token.usedAt(now);
                    }
                    verified.put(hash, token);
                    return callerOf(token);
                });
    }

    /**
     * Forgets the tokens bound to {@code team} once the transaction deleting it (and them, by
     * cascade) commits: until then they are valid, and may be read and kept again.
     */
    public void forgetTeamOnCommit(String team) {
        afterCommit(() -> verified.forgetTeam(team));
    }

    private void afterCommit(Runnable forget) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget.run();
                }
            });
        } else {
            forget.run();
        }
    }

    /** Makes sure the token of {@code TOLLGATE_BOOTSTRAP_TOKEN} exists, and that it alone is bootstrap. */
    @Transactional
    void ensureBootstrapToken(String secret) {
        if (secret.length() < TokenSecrets.MIN_BOOTSTRAP_LENGTH) {
            throw new IllegalStateException("TOLLGATE_BOOTSTRAP_TOKEN must be at least "
                    + TokenSecrets.MIN_BOOTSTRAP_LENGTH + " characters long");
        }
        String hash = TokenSecrets.hash(secret);
        Instant now = clock.instant();
        int revoked = tokens.revokeBootstrapTokensExcept(hash, now);
        if (revoked > 0) {
            afterCommit(verified::forgetAll);
            audit.record("TOKEN_REVOKED", "token", null, "previous bootstrap token, replaced by TOLLGATE_BOOTSTRAP_TOKEN");
        }
        Optional<ApiTokenRepository.StoredToken> existing = tokens.findByHash(hash);
        if (existing.isPresent()) {
            if (existing.get().revokedAt() != null) {
                throw new IllegalStateException("TOLLGATE_BOOTSTRAP_TOKEN names a token that was revoked; choose a new value");
            }
            return;
        }
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), "bootstrap", EnumSet.of(Scope.ADMIN), null,
                BOOTSTRAP_CREATOR, now, null, null);
        tokens.insert(token, hash);
        audit.record("TOKEN_CREATED", "token", token.id(), describe(token) + " from TOLLGATE_BOOTSTRAP_TOKEN");
    }

    static Caller callerOf(ApiToken token) {
        return new Caller("token:" + token.name() + " (" + token.id() + ")", Scope.effective(token.scopes()),
                token.team() == null ? null : Set.of(token.team()), token.team() == null);
    }

    private Set<Scope> validate(NewToken request, Instant now) {
        Violations violations = new Violations();
        violations.text("/name", request.name(), MAX_NAME_LENGTH);
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (request.scopes() == null || request.scopes().isEmpty()) {
            violations.add("/scopes", "must name at least one of ingest, gate, override, read, admin");
        } else {
            for (int i = 0; i < request.scopes().size(); i++) {
                String name = request.scopes().get(i);
                Optional<Scope> scope = Scope.fromWireName(name);
                if (scope.isPresent()) {
                    scopes.add(scope.get());
                } else {
                    violations.add("/scopes/" + i, "must be one of ingest, gate, override, read, admin");
                }
            }
        }
        if (request.team() != null) {
            violations.identifier("/team", request.team());
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            violations.add("/expiresAt", "must be in the future");
        }
        violations.throwIfAny("The token was not created");
        return scopes;
    }

    private static String boundTeam(Caller caller) {
        return caller.actsOnAllTeams() ? null : caller.teams().iterator().next();
    }

    private static String describe(ApiToken token) {
        return "name=" + token.name() + " scopes=" + token.scopes().stream().map(Scope::wireName).sorted().toList()
                + (token.team() == null ? "" : " team=" + token.team())
                + (token.expiresAt() == null ? "" : " expiresAt=" + token.expiresAt());
    }
}
