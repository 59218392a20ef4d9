package io.baeum.learning.support.sql;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.r2dbc.spi.Readable;

/** Typed reads of R2DBC columns: NOT NULL ones fail loudly with the column's name, nullable ones say so. */
public final class Columns {

    private Columns() {
    }

    public static UUID uuid(Readable row, String column) {
        return Objects.requireNonNull(row.get(column, UUID.class), column);
    }

    public static String text(Readable row, String column) {
        return Objects.requireNonNull(row.get(column, String.class), column);
    }

    public static int integer(Readable row, String column) {
        return Objects.requireNonNull(row.get(column, Integer.class), column);
    }

    /** A bigint or a count(*). */
    public static long count(Readable row, String column) {
        return Objects.requireNonNull(row.get(column, Long.class), column);
    }

    public static boolean flag(Readable row, String column) {
        return Boolean.TRUE.equals(row.get(column, Boolean.class));
    }

    public static BigDecimal decimal(Readable row, String column) {
        return Objects.requireNonNull(row.get(column, BigDecimal.class), column);
    }

    public static LocalDate date(Readable row, String column) {
        return Objects.requireNonNull(row.get(column, LocalDate.class), column);
    }

    public static Instant instant(Readable row, String column) {
        return Objects.requireNonNull(row.get(column, OffsetDateTime.class), column).toInstant();
    }

    public static @Nullable Instant nullableInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static byte[] bytes(Readable row, String column) {
        ByteBuffer buffer = Objects.requireNonNull(row.get(column, ByteBuffer.class), column);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
