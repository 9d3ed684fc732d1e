import app.outlay.db.MonthWords;
import app.outlay.db.WordIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.sqlite.Function;

/**
 * What SQLite alone does with Outlay's schema on this machine: the benchmark's rows loaded as the server loads them
 * (one INSERT ... SELECT FROM json_each(?) a batch, the words of the noted expenses indexed after it), with no server,
 * HTTP or JSON parsing of requests, and without syncing to disk. Run by bench/sqlite-floor, which gives it a database
 * the server has migrated, the generated batches and how many of them each commit takes (the server: one or two).
 * Each variant starts from a copy of that database.
 */
public class SqliteFloor {
    private static final String INSERT = "insert into expense (ledger_id, date, type, amount, description, version,"
            + " created_at, updated_at) select 1, value ->> 0, value ->> 1, value ->> 2, value ->> 3, 1, 0, 0"
            + " from json_each(?) order by key";

    public static void main(String[] args) throws Exception {
        Path migrated = Path.of(args[0]);
        Batches generated = batches(Path.of(args[1]));
        int batchesPerCommit = Integer.parseInt(args[2]);
        List<String> batches = generated.json();
        long rows = generated.rows();
        System.out.printf("%,d rows in %d batches%n", rows, batches.size());
        List<String> variants = args.length > 3 ? List.of(args).subList(3, args.length)
                : List.of("all", "no-words", "no-amount-index", "no-words,no-amount-index", "bare");
        for (String variant : variants) {
            Path db = migrated.resolveSibling("floor.db");
            Files.copy(migrated, db, StandardCopyOption.REPLACE_EXISTING);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                Function.create(c, MonthWords.FUNCTION, new MonthWords(), 3, Function.FLAG_DETERMINISTIC);
                boolean words = prepare(c, variant);
                c.setAutoCommit(false);
                long started = System.nanoTime();
                DSLContext dsl = DSL.using(c, SQLDialect.SQLITE);
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    for (int i = 0; i < batches.size(); i++) {
                        insert.setString(1, batches.get(i));
                        insert.executeUpdate();
                        if (words) {
                            WordIndex.indexNoted(dsl); // the server's own statements, as WordIndexUpkeep runs them
                        }
                        if ((i + 1) % batchesPerCommit == 0) {
                            c.commit();
                        }
                    }
                    c.commit();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%-26s %,10.0f rows/s  (%.1f s)%n", variant, rows / seconds, seconds);
            }
        }
    }

    /** Drops what the variant leaves out; true when the words are still indexed. */
    private static boolean prepare(Connection c, String variant) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("pragma journal_mode = wal");
            s.execute("pragma synchronous = off");
            s.execute("pragma cache_size = -32768"); // the server's cache for a batch (ExpenseService)
            s.execute("insert into ledger (name, currency, created_at) values ('floor', 'EUR', 0)");
            List<String> drop = new ArrayList<>();
            if (variant.contains("no-words") || variant.equals("bare")) {
                drop.add("trigger expense_text_insert");
            }
            if (variant.contains("no-amount-index") || variant.equals("bare")) {
                drop.add("index expense_by_amount");
            }
            if (variant.equals("bare")) {
                drop.addAll(List.of("trigger expense_total_insert", "index expense_by_date", "index expense_by_type"));
            }
            for (String what : drop) {
                s.execute("drop " + what);
            }
            return !drop.contains("trigger expense_text_insert");
        }
    }

    record Batches(List<String> json, long rows) {}

    /** Each generated batch as the JSON array of arrays the insert reads: [date, type, amount in cents, text]. */
    private static Batches batches(Path dir) throws Exception {
        var mapper = new ObjectMapper();
        List<String> batches = new ArrayList<>();
        long count = 0;
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                var rows = mapper.createArrayNode();
                for (JsonNode e : mapper.readTree(file.toFile())) {
                    rows.addArray().add(e.get("date").asText()).add(e.get("type").asText())
                            .add(new BigDecimal(e.get("amount").asText()).movePointRight(2).longValueExact())
                            .add(e.get("description").asText());
                    count++;
                }
                batches.add(mapper.writeValueAsString(rows));
            }
        }
        return new Batches(batches, count);
    }
}
