package app.outlay.db;

import com.zaxxer.hikari.HikariConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Everything that differs between the stores Outlay runs on, in one place: how a {@code --db} value
 * becomes a connection, the pool, the migrations, whether writers must queue, and the text search.
 */
public enum Dialect {
    SQLITE(SQLDialect.SQLITE, "sqlite") {
        @Override
        void configure(HikariConfig pool) {
            pool.setMaximumPoolSize(Math.max(4, 2 * CORES));
            pool.addDataSourceProperty("journal_mode", "WAL");
            // A commit is on disk before we answer: the writer syncs the log itself, off its thread (GroupCommit).
            // SQLite still syncs around checkpoints, so the database file never holds what the log lost.
            pool.addDataSourceProperty("synchronous", "NORMAL");
            pool.addDataSourceProperty("foreign_keys", "true");
            pool.addDataSourceProperty("busy_timeout", "10000"); // other processes on the same file
            pool.addDataSourceProperty("transaction_mode", "IMMEDIATE"); // write lock up front: no upgrade deadlocks
            pool.addDataSourceProperty("wal_autocheckpoint", "0"); // the Checkpointer does it, off the writer's thread
            // When the log starts over (Checkpointer), a file grown past 64 MiB (a big import) is cut back to that.
            pool.addDataSourceProperty("journal_size_limit", String.valueOf(64 << 20));
            // Connections with the functions the triggers call (month_words), opened with the settings above.
            pool.setDataSource(new SqliteFiles(pool.getJdbcUrl(), pool.getDataSourceProperties()));
        }

        @Override
        public Condition hasWords(Field<Long> id, Field<Long> ledgerId, Field<LocalDate> date, Field<String> description,
                List<String> words, WordScope scope) {
            // The matches drive (the planner's choice), or the rows are read in order and looked up among them:
            // a first page of a common word over all time 17.8 -> 2.0 ms at a million rows.
            return (scope.matchesFirst() ? id : unindexed(id)).in(DSL.select(WordIndex.expenseId())
                    .from(WordIndex.TABLE)
                    .where(WordIndex.matches(words, scope)));
        }

        @Override
        public JsonRows jsonRows(Field<String> json, List<DataType<?>> types) {
            // SQLite's ->> hands back a JSON number as an integer and a string as text, as the columns store them.
            List<Field<?>> values = new ArrayList<>(types.size());
            for (int i = 0; i < types.size(); i++) {
                values.add(DSL.field("value ->> {0}", types.get(i), DSL.inline(i)));
            }
            return new JsonRows(DSL.table("json_each({0})", json), DSL.field(DSL.name("key")), values);
        }

        @Override
        String describe(String jdbcUrl) {
            return "SQLite " + jdbcUrl.substring("jdbc:sqlite:".length());
        }
    },

    POSTGRES(SQLDialect.POSTGRES, "postgresql") {
        @Override
        void configure(HikariConfig pool) {
            pool.setMaximumPoolSize(Math.max(8, 4 * CORES));
            pool.setConnectionTimeout(3_000); // when the database is away, answer 503 soon rather than hang
        }

        @Override
        public Condition hasWords(Field<Long> id, Field<Long> ledgerId, Field<LocalDate> date, Field<String> description,
                List<String> words, WordScope scope) {
            // Within a few months, the words with the ledger and month in front ('l7m202403coff':*, the function
            // and GIN index of V012), whose matches are those months' only: a common word's first page in a month
            // 5.5 -> 0.3 ms at a million rows. Else the same expression as the GIN index of V001, so the index
            // answers it. Splitting on anything but letters and digits makes the words SQLite's unicode61 finds.
            List<String> months = scope.months();
            if (!months.isEmpty()) {
                String query = words.stream()
                        .map(w -> months.stream().map(m -> tsPrefixOf(m + w)).collect(Collectors.joining(" | ", "(", ")")))
                        .collect(Collectors.joining(" & "));
                return DSL.condition("expense_month_words({0}, {1}, {2}) @@ to_tsquery('simple', {3})",
                        ledgerId, date, description, DSL.val(query));
            }
            String query = words.stream().map(Dialect::tsPrefixOf).collect(Collectors.joining(" & "));
            return DSL.condition("to_tsvector('simple', regexp_replace({0}, '[^[:alnum:]]+', ' ', 'g'))"
                    + " @@ to_tsquery('simple', {1})", description, DSL.val(query));
        }

        @Override
        public JsonRows jsonRows(Field<String> json, List<DataType<?>> types) {
            List<Field<?>> values = new ArrayList<>(types.size());
            for (int i = 0; i < types.size(); i++) {
                Field<String> text = DSL.field("element ->> {0}", String.class, DSL.inline(i));
                values.add(types.get(i).getType() == String.class ? text : text.cast(types.get(i)));
            }
            return new JsonRows(DSL.table("json_array_elements({0}::json) with ordinality as element_of(element, position)",
                    json), DSL.field(DSL.name("position")), values);
        }

        @Override
        String describe(String jdbcUrl) {
            return "PostgreSQL " + jdbcUrl.replaceFirst("\\?.*$", ""); // the query may hold a password
        }
    };

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final SQLDialect jooq;
    private final String migrations;

    Dialect(SQLDialect jooq, String migrations) {
        this.jooq = jooq;
        this.migrations = migrations;
    }

    public SQLDialect jooq() {
        return jooq;
    }

    /** Whether the store allows one writer at a time, so writers should queue in the server. */
    public boolean singleWriter() {
        return this == SQLITE;
    }

    /**
     * Whether words in descriptions are indexed in a table of their own that triggers keep (SQLite's FTS5
     * {@code expense_text}), rather than by an index on {@code expense} itself (PostgreSQL's GIN index).
     */
    public boolean wordsTable() {
        return this == SQLITE;
    }

    /**
     * The column as an expression no index serves (SQLite's unary {@code +}), for a condition the planner should
     * check row by row. PostgreSQL weighs its own statistics of the rows it holds: the column as it is.
     */
    public <T> Field<T> unindexed(Field<T> column) {
        return this == SQLITE ? DSL.field("+{0}", column.getDataType(), column) : column;
    }

    /**
     * A date as a JDBC parameter for a {@code date} column: ISO text in SQLite (as jOOQ binds it there), a
     * {@link LocalDate} for PostgreSQL's {@code date}. For statements bound without jOOQ's help (bulk imports).
     */
    public Object dateParameter(LocalDate date) {
        return this == SQLITE ? date.toString() : date;
    }

    /** Binds a query's values, in order, to its statement run without jOOQ (dates as {@link #dateParameter}). */
    void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            statement.setObject(i + 1, value instanceof LocalDate date ? dateParameter(date) : value);
        }
    }

    /** The date in a result's column, read without jOOQ: the twin of {@link #dateParameter}. */
    public LocalDate dateColumn(ResultSet row, int column) throws SQLException {
        if (this != SQLITE) {
            return row.getObject(column, LocalDate.class);
        }
        String iso = textColumn(row, column); // yyyy-mm-dd as written: read without a formatter
        return iso.length() == 10
                ? LocalDate.of(Integer.parseInt(iso, 0, 4, 10), Integer.parseInt(iso, 5, 7, 10),
                        Integer.parseInt(iso, 8, 10, 10))
                : LocalDate.parse(iso);
    }

    /**
     * A text column's value, read without jOOQ. On SQLite, as its UTF-8 bytes decoded here: sqlite-jdbc's
     * {@code getString} first wraps each value in a direct buffer, which it makes by calling a Java constructor
     * from native code (6 % of a first page's CPU for its 255 values).
     */
    public String textColumn(ResultSet row, int column) throws SQLException {
        if (this != SQLITE) {
            return row.getString(column);
        }
        byte[] utf8 = row.getBytes(column);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * Rows whose description holds every word, whole or as the start of a word, case-insensitively. The
     * scope (ledger and dates, which the caller's condition checks as well) lets an index narrow the search.
     */
    public abstract Condition hasWords(Field<Long> id, Field<Long> ledgerId, Field<LocalDate> date,
            Field<String> description, List<String> words, WordScope scope);

    /**
     * The elements of {@code json}, a JSON array of arrays bound as one value, as the rows of a table: each
     * element's values read as {@code types}, in order: a batch of any size inserted by one statement.
     */
    public abstract JsonRows jsonRows(Field<String> json, List<DataType<?>> types);

    /** See {@link #jsonRows}. */
    public record JsonRows(Table<?> table, Field<?> position, List<Field<?>> values) {
        /** Selects {@code fields} (some of {@link #values}, and constants) for each row, in the array's order. */
        public Select<Record> select(Field<?>... fields) {
            return DSL.select(fields).from(table).orderBy(position);
        }
    }

    abstract void configure(HikariConfig pool);

    /** Where the data lives, for the log: never a password. */
    abstract String describe(String jdbcUrl);

    String migrationLocation() {
        return "classpath:db/migration/" + migrations;
    }

    /** The pool for a {@code --db} value: an SQLite file path, a JDBC URL, or {@code postgresql://user:pass@host/db}. */
    static HikariConfig pool(String location) {
        var pool = new HikariConfig();
        pool.setPoolName("outlay");
        // A bounded pool: virtual threads wait here for a connection, and give up with a 503.
        pool.setConnectionTimeout(5_000);
        if (location.startsWith("postgresql://") || location.startsWith("postgres://")) {
            URI uri = URI.create(location);
            pool.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            if (uri.getRawUserInfo() != null) {
                String[] user = uri.getRawUserInfo().split(":", 2);
                pool.setUsername(decode(user[0]));
                pool.setPassword(user.length > 1 ? decode(user[1]) : null);
            }
        } else if (location.startsWith("jdbc:")) {
            pool.setJdbcUrl(location);
        } else {
            pool.setJdbcUrl("jdbc:sqlite:" + Path.of(location).toAbsolutePath());
        }
        of(pool.getJdbcUrl()).configure(pool);
        return pool;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("Unsupported database (give an SQLite file, jdbc:sqlite:, "
                + "postgresql://user:password@host/db or jdbc:postgresql:): " + jdbcUrl.replaceFirst("\\?.*$", ""));
    }

    /** Creates the directory an SQLite file lives in, so a first start on a new machine just works. */
    static void prepare(String jdbcUrl) {
        Path file = sqliteFile(jdbcUrl);
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the database directory " + parent + ": " + e.getMessage(), e);
        }
    }

    /** The file of an SQLite URL; null for another store or an in-memory database. */
    static Path sqliteFile(String jdbcUrl) {
        if (of(jdbcUrl) != SQLITE) {
            return null;
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "").replaceFirst("\\?.*$", "");
        return file.isEmpty() || file.startsWith(":memory:") ? null : Path.of(file);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** A PostgreSQL {@code tsquery} prefix query for the word: quoted, so that nothing in it is read as query syntax. */
    private static String tsPrefixOf(String word) {
        return "'" + word.replace("'", "''") + "':*";
    }
}
