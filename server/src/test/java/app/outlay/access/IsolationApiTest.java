package app.outlay.access;

import static app.outlay.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One user's ledgers are invisible to everyone else: every route answers as if they did not exist. */
class IsolationApiTest {
    /** No ledger has this id: what a stranger is told must not differ from what is said about it. */
    private static final String NO_SUCH_LEDGER = "/api/v1/ledgers/987654321";

    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member owner;
    private static Member stranger;

    /** A fresh ledger of the owner's with one expense, for each test. */
    private String ledger;
    private String expense;

    @BeforeAll
    static void start() {
        owner = server.newUser("owner");
        stranger = server.newUser("stranger");
    }

    @BeforeEach
    void ownersLedger() {
        var created = owner.api().post("/api/v1/ledgers", Fixtures.ledger("Family", "EUR"));
        assertThat(created.status()).isEqualTo(201);
        ledger = "/api/v1/ledgers/" + created.text("id");
        var posted = owner.api().post(ledger + "/expenses", Fixtures.expense("2024-05-01", "rent", "-900.00", "May rent"));
        assertThat(posted.status()).isEqualTo(201);
        expense = ledger + "/expenses/" + posted.text("id");
    }

    /** A request against a ledger, with {@code {ledger}} and {@code {expense}} standing for their paths. */
    record Attempt(String method, String path, Object body) {
        String resolve(String ledger, String expense) {
            return path.replace("{expense}", expense).replace("{ledger}", ledger);
        }

        Api.Response sendAs(Member member, String ledger, String expense) {
            String contentType = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
            return member.api().send(method, resolve(ledger, expense), body, body == null ? null : contentType);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Attempt> everyLedgerRoute() {
        return Stream.of(
                new Attempt("GET", "{ledger}", null),
                new Attempt("PATCH", "{ledger}", Map.of("name", "Hijacked")),
                new Attempt("DELETE", "{ledger}", null),
                new Attempt("GET", "{ledger}/expenses", null),
                new Attempt("GET", "{ledger}/expenses?format=csv", null),
                new Attempt("GET", "{ledger}/expenses?type=rent&from=2024-01-01&limit=5", null),
                new Attempt("POST", "{ledger}/expenses", Fixtures.expense("2024-05-02", "theft", "-1.00", "planted")),
                new Attempt("POST", "{ledger}/expenses/batch", List.of(Fixtures.expense("2024-05-02", "theft", "-1.00", "planted"))),
                new Attempt("GET", "{expense}", null),
                new Attempt("PUT", "{expense}", Fixtures.expense("2024-05-01", "rent", "-1.00", "changed")),
                new Attempt("PATCH", "{expense}", Map.of("amount", "-1.00")),
                new Attempt("DELETE", "{expense}", null),
                new Attempt("GET", "{ledger}/summary", null),
                new Attempt("GET", "{ledger}/summary?groupBy=type", null),
                new Attempt("GET", "{ledger}/types", null));
    }

    @ParameterizedTest
    @MethodSource("everyLedgerRoute")
    void aStrangerIsToldTheLedgerDoesNotExistAndChangesNothing(Attempt attempt) {
        // given what the owner sees now
        var before = ownersView();

        // when
        var answer = attempt.sendAs(stranger, ledger, expense);

        // then the same answer as for a ledger that does not exist, and the owner's data is as it was
        assertProblem(answer, 404);
        var unknown = attempt.sendAs(stranger, NO_SUCH_LEDGER, NO_SUCH_LEDGER + "/expenses/" + idOf(expense));
        assertProblem(unknown, 404);
        assertThat(withoutInstance(answer.json())).isEqualTo(withoutInstance(unknown.json()));
        assertThat(ownersView()).isEqualTo(before);
    }

    static Stream<Attempt> everyExpenseRoute() {
        return Stream.of(
                new Attempt("GET", "{expense}", null),
                new Attempt("PUT", "{expense}", Fixtures.expense("2024-05-01", "rent", "-1.00", "changed")),
                new Attempt("PATCH", "{expense}", Map.of("description", "changed")),
                new Attempt("DELETE", "{expense}", null));
    }

    @ParameterizedTest
    @MethodSource("everyExpenseRoute")
    void anotherUsersExpenseIdUnderOnesOwnLedgerIsNotFound(Attempt attempt) {
        // given the id of the owner's expense, put under the stranger's own ledger
        var before = ownersView();
        String disguised = stranger.expenses() + "/" + idOf(expense);

        // when
        var answer = attempt.sendAs(stranger, stranger.ledger(), disguised);

        // then
        assertProblem(answer, 404);
        assertThat(ownersView()).isEqualTo(before);
    }

    @Test
    void listsAndTotalsShowOnlyOnesOwnLedgersAndExpenses() {
        // given the owner's ledger with its expense, and one of the stranger's own
        var mine = stranger.api().post(stranger.expenses(), Fixtures.expense("2024-05-01", "food", "-3.00", "bagel"));
        assertThat(mine.status()).isEqualTo(201);

        // when
        var ledgers = stranger.api().get("/api/v1/ledgers").json();
        var expenses = stranger.api().get(stranger.expenses() + "?limit=1000").json().path("items");
        var types = stranger.api().get(stranger.ledger() + "/types").json();

        // then
        assertThat(ledgers.findValuesAsText("id")).doesNotContain(idOf(ledger)).containsExactly(stranger.ledgerId());
        assertThat(expenses.findValuesAsText("id")).contains(mine.text("id")).doesNotContain(idOf(expense));
        assertThat(expenses.findValuesAsText("description")).doesNotContain("May rent");
        assertThat(types.findValuesAsText("type")).doesNotContain("rent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/ledgers/abc", "/api/v1/ledgers/0", "/api/v1/ledgers/-1", "/api/v1/ledgers/1.0",
            "/api/v1/ledgers/1e3", "/api/v1/ledgers/%20", "/api/v1/ledgers/99999999999999999999999999",
            "/api/v1/ledgers/987654321", "/api/v1/ledgers/987654321/expenses", "/api/v1/ledgers/987654321/summary",
            "{ledger}/expenses/abc", "{ledger}/expenses/0", "{ledger}/expenses/987654321",
            "{ledger}/expenses/99999999999999999999999999", "{ledger}/expenses/1x"})
    void aNonNumericOrUnknownIdIsNotFound(String path) {
        // when the owner asks for something that does not exist
        var answer = owner.api().get(path.replace("{ledger}", ledger));

        // then
        assertProblem(answer, 404);
    }

    /** Everything the owner can read about their ledger. */
    private Map<String, String> ownersView() {
        return Map.of(
                "ledger", owner.api().get(ledger).body(),
                "expenses", owner.api().get(ledger + "/expenses").body(),
                "expense", owner.api().get(expense).body(),
                "summary", owner.api().get(ledger + "/summary?groupBy=type").body(),
                "ledgers", owner.api().get("/api/v1/ledgers").body());
    }

    private static String idOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("instance");
        return copy;
    }
}
