package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import dev.tollgate.catalog.CatalogStamp;
import dev.tollgate.testing.RepositoryContract;

/**
 * The rule repository against a real database migrated by db/migration: on H2
 * ({@link RuleRepositoryOnH2IT}) and PostgreSQL ({@link RuleRepositoryOnPostgresIT}). Each test
 * runs in a transaction that is rolled back.
 */
abstract class RuleRepositoryContract extends RepositoryContract {

    /** Microseconds: the precision both databases keep. */
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00.123456Z");
    private static final String LONGEST = "{\"name\":\"" + "x".repeat(Rules.MAX_DOCUMENT_LENGTH - 11) + "\"}";

    private RuleRepository rules;
    private CatalogStamp stamp;

    @Override
    protected void connect(DSLContext db) {
        stamp = new CatalogStamp(db);
        rules = new RuleRepository(db, stamp);
    }

    @Test
    void versions_count_up_across_replacements_and_deletions() {
        assertThat(rules.save("bake", "payments", null, "{\"v\":1}", NOW, "admin")).isEqualTo(1);
        assertThat(rules.save("bake", null, "ledger", "{\"v\":2}", NOW.plusSeconds(1), "admin")).isEqualTo(2);
        rules.delete("bake", NOW.plusSeconds(2), "admin");
        assertThat(rules.find("bake")).isEmpty();
        assertThat(rules.save("bake", null, null, "{\"v\":4}", NOW.plusSeconds(3), "lead")).isEqualTo(4);

        assertThat(rules.find("bake")).contains(new StoredRule("bake", 4, null, null, "{\"v\":4}", NOW.plusSeconds(3)));
        assertThat(rules.documentAt("bake", 2)).contains("{\"v\":2}");
        assertThat(rules.documentAt("bake", 3)).isEmpty();
    }

    @Test
    void lists_narrow_by_scope_in_id_order() {
        rules.save("b", "payments", null, "{}", NOW, "admin");
        rules.save("a", "payments", null, "{}", NOW, "admin");
        rules.save("c", null, "ledger", "{}", NOW, "admin");
        rules.save("d", null, null, "{}", NOW, "admin");

        assertThat(rules.list(null, null)).extracting(StoredRule::id).containsExactly("a", "b", "c", "d");
        assertThat(rules.list("payments", null)).extracting(StoredRule::id).containsExactly("a", "b");
        assertThat(rules.list(null, "ledger")).extracting(StoredRule::id).containsExactly("c");
    }

    @Test
    void a_promotion_is_gated_by_its_services_its_teams_and_every_services_rules() {
        rules.save("team", "payments", null, "{}", NOW, "admin");
        rules.save("other-team", "search", null, "{}", NOW, "admin");
        rules.save("service", null, "ledger", "{}", NOW, "admin");
        rules.save("other-service", null, "wallet", "{}", NOW, "admin");
        rules.save("every", null, null, "{}", NOW, "admin");

        RuleSnapshot snapshot = RuleSnapshot.of(stamp.current(), rules.list(null, null));

        assertThat(snapshot.applicable("payments", "ledger")).extracting(StoredRule::id)
                .containsExactly("every", "service", "team");
        // An unowned service has no team rules.
        assertThat(snapshot.applicable(null, "ledger")).extracting(StoredRule::id).containsExactly("every", "service");
    }

    @Test
    void saving_or_deleting_a_rule_moves_the_catalog_stamp() {
        long before = stamp.current();
        rules.save("every", null, null, "{}", NOW, "admin");
        long saved = stamp.current();
        rules.delete("every", NOW, "admin");

        assertThat(List.of(before, saved, stamp.current())).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void the_document_column_holds_the_longest_document_a_rule_may_have() {
        assertThat(LONGEST).hasSize(Rules.MAX_DOCUMENT_LENGTH);
        rules.save("long", null, null, LONGEST, NOW, "admin");

        assertThat(rules.find("long").orElseThrow().document()).isEqualTo(LONGEST);
    }
}
