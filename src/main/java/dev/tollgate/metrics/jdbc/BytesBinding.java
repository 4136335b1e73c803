package dev.tollgate.metrics.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Binds {@code bytea} columns with {@code setBytes} and reads them with {@code getBytes}. jOOQ
 * binds every {@code byte[]} on H2 as a {@code Blob}, which H2 first writes to its LOB storage and
 * then copies into the row: for a batch or a rollup row of a few kilobytes that is most of the
 * cost of the write. Use {@link #bytes(Field)} on the generated column.
 */
final class BytesBinding implements Binding<byte[], byte[]> {

    private static final DataType<byte[]> BYTES = SQLDataType.VARBINARY.asConvertedDataType(new BytesBinding());

    private final Converter<byte[], byte[]> converter = Converter.ofNullable(byte[].class, byte[].class,
            bytes -> bytes, bytes -> bytes);

    /** {@code column} as it is, bound and read as plain bytes. */
    static Field<byte[]> bytes(Field<byte[]> column) {
        return column.coerce(BYTES);
    }

    @Override
    public Converter<byte[], byte[]> converter() {
        return converter;
    }

    @Override
    public void sql(BindingSQLContext<byte[]> context) throws SQLException {
        if (context.render().paramType() == ParamType.INLINED) {
            context.render().visit(DSL.inline(context.value(), SQLDataType.VARBINARY));
        } else {
            context.render().sql(context.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<byte[]> context) throws SQLException {
        context.statement().registerOutParameter(context.index(), Types.VARBINARY);
    }

    @Override
    public void set(BindingSetStatementContext<byte[]> context) throws SQLException {
        context.statement().setBytes(context.index(), context.value());
    }

    @Override
    public void set(BindingSetSQLOutputContext<byte[]> context) throws SQLException {
        context.output().writeBytes(context.value());
    }

    @Override
    public void get(BindingGetResultSetContext<byte[]> context) throws SQLException {
        context.value(context.resultSet().getBytes(context.index()));
    }

    @Override
    public void get(BindingGetStatementContext<byte[]> context) throws SQLException {
        context.value(context.statement().getBytes(context.index()));
    }

    @Override
    public void get(BindingGetSQLInputContext<byte[]> context) throws SQLException {
        throw new SQLFeatureNotSupportedException("bytea in a user-defined type");
    }
}
