package dev.tollgate.security;

import static dev.tollgate.db.Tables.API_TOKEN;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import dev.tollgate.db.tables.records.ApiTokenRecord;

@Repository
class ApiTokenRepository {

    private final DSLContext db;

    ApiTokenRepository(DSLContext db) {
        this.db = db;
    }

    void insert(ApiToken token, String hash) {
        db.insertInto(API_TOKEN)
                .set(API_TOKEN.ID, token.id())
                .set(API_TOKEN.NAME, token.name())
                .set(API_TOKEN.TOKEN_HASH, hash)
                .set(API_TOKEN.SCOPES, scopesText(token.scopes()))
                .set(API_TOKEN.TEAM_ID, token.team())
                .set(API_TOKEN.CREATED_BY, token.createdBy())
                .set(API_TOKEN.CREATED_AT, token.createdAt())
                .set(API_TOKEN.EXPIRES_AT, token.expiresAt())
                .execute();
    }

    /** The tokens not revoked, team-bound ones only for {@code team} when it is given. */
    List<ApiToken> findActive(String team) {
        return db.selectFrom(API_TOKEN)
                .where(API_TOKEN.REVOKED_AT.isNull())
                .and(team == null ? org.jooq.impl.DSL.noCondition() : API_TOKEN.TEAM_ID.eq(team))
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID)
                .fetch(ApiTokenRepository::toToken);
    }

    Optional<ApiToken> findActive(String id, String team) {
        return findActive(team).stream().filter(token -> token.id().equals(id)).findFirst();
    }

    Optional<StoredToken> findByHash(String hash) {
        return db.selectFrom(API_TOKEN).where(API_TOKEN.TOKEN_HASH.eq(hash))
                .fetchOptional(r -> new StoredToken(toToken(r), r.getTokenHash(), r.getRevokedAt()));
    }

    boolean revoke(String id, Instant at) {
        return db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, at)
                .where(API_TOKEN.ID.eq(id)).and(API_TOKEN.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /** Revokes earlier bootstrap tokens whose secret is no longer the configured one. */
    int revokeBootstrapTokensExcept(String hash, Instant at) {
        return db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, at)
                .where(API_TOKEN.CREATED_BY.eq(ApiTokens.BOOTSTRAP_CREATOR))
                .and(API_TOKEN.TOKEN_HASH.ne(hash))
                .and(API_TOKEN.REVOKED_AT.isNull())
                .execute();
    }

    /** Records use coarsely, so that authenticating does not write on every request. */
    void touch(String id, Instant at) {
        db.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, at).where(API_TOKEN.ID.eq(id)).execute();
    }

    record StoredToken(ApiToken token, String hash, Instant revokedAt) {

        /** A chosen bootstrap token may be weak enough to find from its hash: the hash stays out of logs too. */
        @Override
        public String toString() {
            return "StoredToken[token=" + token + ", hash=…, revokedAt=" + revokedAt + "]";
        }
    }

    private static ApiToken toToken(Record record) {
        ApiTokenRecord r = record.into(API_TOKEN);
        return new ApiToken(r.getId(), r.getName(), parseScopes(r.getScopes()), r.getTeamId(), r.getCreatedBy(),
                r.getCreatedAt(), r.getExpiresAt(), r.getLastUsedAt());
    }

    private static String scopesText(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).collect(Collectors.joining(" "));
    }

    private static Set<Scope> parseScopes(String text) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(text.split(" ")).map(Scope::fromWireName).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }
}
