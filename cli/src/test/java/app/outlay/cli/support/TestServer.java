package app.outlay.cli.support;

import app.outlay.App;
import app.outlay.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a random port over a fresh SQLite file: {@code @RegisterExtension static final TestServer
 * server = new TestServer();}. One server serves the whole test run (and stops at its end); tests stay apart by
 * working in ledgers or as users of their own, since every password hash costs real time on purpose.
 */
public final class TestServer implements BeforeAllCallback {
    public static final String PASSWORD = "correct horse battery";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServer.class);

    private Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, type -> Running.start(), Running.class);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + running.app.port();
    }

    /** A user that every test of the run may share: give each test a ledger of its own with {@link Account#newLedger}. */
    public Account user() {
        return running.sharedUser;
    }

    /** A new user (created by the admin, as registration is closed), signed in with a fresh token. */
    public Account newUser() {
        return running.newUser();
    }

    /** The server and its users, for the whole run. */
    private static final class Running implements AutoCloseable {
        private final AtomicInteger users = new AtomicInteger();
        private final Path dir;
        private final App app;
        private final Api admin;
        private final Account sharedUser;

        private Running(Path dir) {
            this.dir = dir;
            this.app = App.create(Config.defaults(dir.resolve("outlay.db").toString())).start();
            Api.anonymous(baseUrl()).post("/api/v1/users", Map.of("username", "admin", "password", PASSWORD));
            this.admin = signIn("admin");
            this.sharedUser = newUser();
        }

        static Running start() {
            try {
                return new Running(Files.createTempDirectory("outlay-cli-test"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String baseUrl() {
            return "http://127.0.0.1:" + app.port();
        }

        Account newUser() {
            String username = "user" + users.incrementAndGet();
            admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD));
            Api api = signIn(username);
            String ledgerId = api.get("/api/v1/ledgers").get(0).get("id").asText();
            return new Account(username, api.token(), ledgerId, api);
        }

        private Api signIn(String username) {
            var token = Api.anonymous(baseUrl())
                    .post("/api/v1/tokens", Map.of("username", username, "password", PASSWORD, "name", "test"));
            return Api.anonymous(baseUrl()).withToken(token.get("token").asText());
        }

        @Override
        public void close() throws IOException {
            app.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * A user of the server.
     *
     * @param ledgerId the id of their first ledger, "Personal"
     * @param api      the API as this user, to arrange and check what the CLI does
     */
    public record Account(String username, String token, String ledgerId, Api api) {
        private static final AtomicInteger LEDGERS = new AtomicInteger();

        /** A new, empty ledger in euros; returns its id. */
        public String newLedger() {
            return newLedger("Ledger " + LEDGERS.incrementAndGet(), "EUR");
        }

        public String newLedger(String name, String currency) {
            return api.post("/api/v1/ledgers", Map.of("name", name, "currency", currency)).get("id").asText();
        }

        /** Adds expenses to a ledger in one batch: each is {@code date, type, amount[, description]}. */
        public void addExpenses(String ledger, List<List<String>> rows) {
            var expenses = rows.stream().map(row -> Map.of("date", row.get(0), "type", row.get(1), "amount", row.get(2),
                    "description", row.size() > 3 ? row.get(3) : "")).toList();
            api.post("/api/v1/ledgers/" + ledger + "/expenses/batch", expenses);
        }

        /** Adds one expense to a ledger; returns its id. */
        public String addExpense(String ledger, String date, String type, String amount, String description) {
            return api.post("/api/v1/ledgers/" + ledger + "/expenses",
                    Map.of("date", date, "type", type, "amount", amount, "description", description)).get("id").asText();
        }

        public com.fasterxml.jackson.databind.JsonNode expense(String ledger, String id) {
            return api.get("/api/v1/ledgers/" + ledger + "/expenses/" + id);
        }
    }
}
