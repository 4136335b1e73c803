package dev.tollgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RenderedInsertTest {

    private static final Table<?> EVENT = DSL.table(DSL.name("event"));
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR(20));
    private static final Field<Long> COUNT = DSL.field(DSL.name("count"), SQLDataType.BIGINT);
    private static final Field<Instant> AT = DSL.field(DSL.name("at"), SQLDataType.INSTANT);

    private final Connection connection;
    private final DSLContext db;
    private volatile Optional<String> refusal = Optional.empty();

    RenderedInsertTest() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:rendered-insert;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        db = DSL.using(connection, SQLDialect.H2);
        db.execute("create table event (name varchar(20) not null primary key, count bigint, at timestamp with time zone)");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private RenderedInsert insert() {
        return new RenderedInsert(db, db.insertInto(EVENT, NAME, COUNT, AT).values((String) null, null, null), () -> refusal);
    }

    @Test
    void one_row_or_a_batch_is_inserted_with_its_values_nulls_and_instants() {
        Instant at = Instant.parse("2026-11-27T10:15:30.123456Z");
        insert().execute(List.<Object[]>of(new Object[] { "one", 1L, at }));
        insert().execute(List.of(new Object[] { "two", 2L, null }, new Object[] { "three", null, at.plusSeconds(1) }));

        var rows = db.select(NAME, COUNT, DSL.field(DSL.name("at"), OffsetDateTime.class)).from(EVENT).orderBy(NAME).fetch();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).value1()).isEqualTo("one");
        assertThat(rows.get(0).value3().toInstant()).isEqualTo(at);
        assertThat(rows.get(1).value1()).isEqualTo("three");
        assertThat(rows.get(1).value2()).isNull();
        assertThat(rows.get(1).value3().toInstant()).isEqualTo(at.plusSeconds(1));
        assertThat(rows.get(2).value2()).isEqualTo(2L);
        assertThat(rows.get(2).value3()).isNull();
    }

    @Test
    void nothing_is_written_while_the_data_folder_refuses_writes() {
        refusal = Optional.of("The data folder is full");

        assertThatThrownBy(() -> insert().execute(List.<Object[]>of(new Object[] { "one", 1L, null })))
                .isInstanceOf(DataFolderFullException.class).hasMessageContaining("The data folder is full");
        assertThat(db.fetchCount(EVENT)).isZero();
    }

    @Test
    void a_row_with_too_few_values_is_refused_before_any_is_written() {
        assertThatThrownBy(() -> insert().execute(List.of(new Object[] { "one", 1L, null }, new Object[] { "two" })))
                .hasMessageContaining("1 values for the 3 parameters");
        assertThat(db.fetchCount(EVENT)).isZero();
    }
}
