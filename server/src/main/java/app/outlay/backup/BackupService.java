package app.outlay.backup;

import app.outlay.common.Conflict;
import app.outlay.common.Invalid;
import app.outlay.db.Database;
import app.outlay.ledger.Ledger;
import app.outlay.ledger.LedgerService;
import app.outlay.ledger.Member;
import app.outlay.ledger.MemberService;
import app.outlay.ledger.Role;
import app.outlay.user.CurrentUser;
import app.outlay.user.UserService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole ledger as one JSON document, and back. Any member may export (it shows what they may read anyway);
 * only an owner may restore, into an empty ledger in the same currency: restoring is managing the ledger.
 */
public final class BackupService {
    /** Rows per INSERT statement: ten values each, well under SQLite's limit of 32,766 bound values. */
    private static final int CHUNK = 1000;

    private final Database db;
    private final BackupStore store;
    private final LedgerService ledgers;
    private final MemberService members;
    private final UserService users;
    private final Clock clock;

    public BackupService(Database db, LedgerService ledgers, MemberService members, UserService users, Clock clock) {
        this.db = db;
        this.store = new BackupStore(db);
        this.ledgers = ledgers;
        this.members = members;
        this.users = users;
        this.clock = clock;
    }

    /** An export ready to be written: access is checked before any byte of it is. */
    public record Export(String fileName, Writing body) {}

    /** Writes the document to a stream. */
    public interface Writing {
        void writeTo(OutputStream out);
    }

    public Export export(CurrentUser user, long ledgerId) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.VIEWER);
        List<Member> team = members.list(user, ledgerId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new Export(fileName(ledger, now), out -> {
            var document = new DocumentWriter(out);
            document.start(ledger, team, now);
            db.streaming(() -> {
                store.forEach(ledger.id(), ledger.currency(), document::write);
                return null;
            });
            document.finish();
        });
    }

    /**
     * Restores an export into an empty ledger and returns how many expenses were stored. The body is saved to a
     * temporary file and checked whole first, so nothing waits on the client while the database is written; then
     * every expense is inserted in one transaction, all or nothing.
     */
    public int restore(CurrentUser user, long ledgerId, InputStream body) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.OWNER);
        requireEmpty(ledger);
        Path saved = save(body);
        try {
            long now = clock.millis();
            new DocumentReader(ledger.currency(), now).read(open(saved), row -> {});
            return db.transaction(() -> {
                db.lock(ledger.bulkWrites()); // two restores at once: the second finds the ledger full
                requireEmpty(ledger);
                return insertAll(ledger, user, saved, now);
            });
        } finally {
            delete(saved);
        }
    }

    private int insertAll(Ledger ledger, CurrentUser user, Path saved, long now) {
        var inserter = new Inserter(ledger, user);
        new DocumentReader(ledger.currency(), now).read(open(saved), inserter);
        return inserter.finish();
    }

    /**
     * Inserts rows in statements of {@value #CHUNK}. A username that is an account here stays the author; any other
     * (or none) becomes the restoring user.
     */
    private final class Inserter implements Consumer<RestoredExpense> {
        private final Ledger ledger;
        private final CurrentUser user;
        private final Map<String, Long> accounts = new HashMap<>();
        private final List<RestoredExpense> batch = new ArrayList<>(CHUNK);
        private int count;

        Inserter(Ledger ledger, CurrentUser user) {
            this.ledger = ledger;
            this.user = user;
        }

        @Override
        public void accept(RestoredExpense row) {
            batch.add(row);
            if (batch.size() == CHUNK) {
                flush();
            }
        }

        /** Inserts what is left and returns how many rows were inserted in all. */
        int finish() {
            flush();
            return count;
        }

        private void flush() {
            if (!batch.isEmpty()) {
                store.insert(ledger.id(), batch, this::account);
                count += batch.size();
                batch.clear();
            }
        }

        private long account(String username) {
            return username == null ? user.id()
                    : accounts.computeIfAbsent(username, u -> users.find(u).map(CurrentUser::id).orElse(user.id()));
        }
    }

    private void requireEmpty(Ledger ledger) {
        if (store.hasExpenses(ledger.id())) {
            throw new Conflict("The ledger is not empty; restore into a new ledger (in the same currency).");
        }
    }

    /** A file name for the download: the ledger's name in letters and digits, and the day. */
    private static String fileName(Ledger ledger, Instant now) {
        String name = ledger.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (name.isEmpty() ? "ledger-" + ledger.id() : name) + "-" + now.atOffset(ZoneOffset.UTC).toLocalDate() + ".json";
    }

    private static Path save(InputStream body) {
        Path file;
        try {
            file = Files.createTempFile("outlay-restore-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (body) {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            delete(file);
            throw Invalid.malformedBody("The body could not be read to its end.");
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file; the system cleans its temporary directory
        }
    }
}
