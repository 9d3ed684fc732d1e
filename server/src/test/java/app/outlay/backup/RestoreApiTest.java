package app.outlay.backup;

import static app.outlay.backup.ExportApiTest.newLedger;
import static app.outlay.support.Fixtures.expense;
import static app.outlay.support.ProblemAssertions.assertProblem;
import static app.outlay.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@code POST .../restore} refuses, and that a refusal stores nothing. */
class RestoreApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    /** A server whose JSON body limit is 4 KiB, which restore bodies are exempt from. */
    @RegisterExtension
    static final TestServer strict = TestServer.start(config -> config.withMaxBodyBytes(4096));

    @Test
    void aDocumentInAnotherCurrencyIsAConflictAndStoresNothing() {
        // given
        Member owner = server.newUser(Fixtures.username("owner"));
        String ledger = newLedger(owner, "Euros", "EUR");

        // when
        var answer = owner.api().post(ledger + "/restore", document("USD", List.of(expense("2024-01-01", "food", "-1.00", "x"))));

        // then
        assertThat(assertProblem(answer, 409).get("detail").asText()).contains("USD").contains("EUR");
        assertThat(count(owner, ledger)).isZero();
    }

    @Test
    void aLedgerThatHoldsExpensesIsAConflict() {
        // given
        Member owner = server.newUser(Fixtures.username("owner"));
        String ledger = newLedger(owner, "Busy", "EUR");
        owner.api().post(ledger + "/expenses", Fixtures.expense());

        // when
        var answer = owner.api().post(ledger + "/restore", document("EUR", List.of(expense("2024-01-01", "food", "-1.00", "x"))));

        // then
        assertProblem(answer, 409);
        assertThat(count(owner, ledger)).isEqualTo(1);
    }

    @Test
    void anInvalidExpenseIsNamedByItsIndexAndNothingIsStored() {
        // given 30 expenses, of which the 18th has too many decimals and the 25th neither date nor type
        Member owner = server.newUser(Fixtures.username("owner"));
        String ledger = newLedger(owner, "Strict", "EUR");
        var expenses = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 30; i++) {
            expenses.add(expense("2024-01-01", "food", "-1.00", "row " + i));
        }
        expenses.get(17).put("amount", "-1.001");
        expenses.get(24).remove("date");
        expenses.get(24).put("type", " ");
        expenses.get(26).put("createdAt", "yesterday");
        expenses.get(27).put("version", 0);

        // when
        var answer = owner.api().post(ledger + "/restore", document("EUR", expenses));

        // then
        assertProblem(answer, 422);
        assertThat(errorFields(answer)).containsExactly("expenses[17].amount", "expenses[24].date", "expenses[24].type",
                "expenses[26].createdAt", "expenses[27].version");
        assertThat(count(owner, ledger)).isZero();
    }

    @Test
    void anUnknownFormatOrVersionIsNamed() {
        // given
        Member owner = server.newUser(Fixtures.username("owner"));
        String ledger = newLedger(owner, "Formats", "EUR");
        var otherFormat = document("EUR", List.of(Fixtures.expense()));
        otherFormat.put("format", "something-else");
        var laterVersion = document("EUR", List.of(Fixtures.expense()));
        laterVersion.put("version", 2);

        // when
        var format = owner.api().post(ledger + "/restore", otherFormat);
        var version = owner.api().post(ledger + "/restore", laterVersion);
        var bare = owner.api().post(ledger + "/restore", Map.of("expenses", List.of()));

        // then
        assertProblem(format, 422);
        assertThat(errorFields(format)).containsExactly("format");
        assertProblem(version, 422);
        assertThat(errorFields(version)).containsExactly("version");
        assertProblem(bare, 422);
        assertThat(errorFields(bare)).containsExactly("format", "version", "ledger.currency");
        assertThat(count(owner, ledger)).isZero();
    }

    @Test
    void aBodyThatIsNotAJsonDocumentIs400AndAnotherMediaType415() {
        // given
        Member owner = server.newUser(Fixtures.username("owner"));
        String ledger = newLedger(owner, "Broken", "EUR");
        String whole = Api.toJson(document("EUR", List.of(Fixtures.expense(), Fixtures.expense())));

        // then
        assertThat(assertProblem(owner.api().post(ledger + "/restore", whole.substring(0, whole.length() - 20)), 400)
                .get("detail").asText()).startsWith("The body is not valid JSON");
        assertProblem(owner.api().post(ledger + "/restore", "[]"), 400);
        assertProblem(owner.api().post(ledger + "/restore", whole + " {}"), 400);
        assertProblem(owner.api().send("POST", ledger + "/restore", whole, "text/plain"), 415);
        assertThat(count(owner, ledger)).isZero();
    }

    @Test
    void authorsWithAnAccountHereAreKeptAndOthersBecomeTheRestoringUser() {
        // given
        Member owner = server.newUser(Fixtures.username("owner"));
        Member known = server.newUser(Fixtures.username("known"));
        String ledger = newLedger(owner, "Authors", "EUR");
        var first = expense("2024-01-01", "food", "-1.00", "by someone known");
        first.put("createdBy", known.username().toUpperCase());
        first.put("updatedBy", "nobody-here");
        first.put("createdAt", "2020-05-01T10:00:00.123Z");
        first.put("updatedAt", "2021-06-01T12:30:00+02:00");
        first.put("version", 7);
        first.put("id", "999");

        // when
        var answer = owner.api().post(ledger + "/restore", document("EUR", List.of(first)));

        // then
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var stored = owner.api().get(ledger + "/expenses").json().get("items").get(0);
        assertThat(stored.get("createdBy").asText()).isEqualTo(known.username());
        assertThat(stored.get("updatedBy").asText()).isEqualTo(owner.username());
        assertThat(stored.get("createdAt").asText()).isEqualTo("2020-05-01T10:00:00.123Z");
        assertThat(stored.get("updatedAt").asText()).isEqualTo("2021-06-01T10:30:00Z");
        assertThat(stored.get("version").asInt()).isEqualTo(7);
        assertThat(stored.get("id").asText()).isNotEqualTo("999");
    }

    @Test
    void aRestoreBodyIsNotHeldToTheJsonBodyLimit() {
        // given a document of about 100 KB, for a server that takes JSON bodies up to 4 KiB
        Member owner = strict.newUser(Fixtures.username("owner"));
        var expenses = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 1000; i++) {
            expenses.add(expense("2024-01-01", "food", "-1.00", "row number " + i));
        }
        String body = Api.toJson(document("EUR", expenses));
        assertThat(owner.api().post(owner.expenses() + "/batch", body).status()).isEqualTo(413);

        // when
        var answer = owner.api().post(owner.ledger() + "/restore", body);

        // then
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("restored").asInt()).isEqualTo(1000);
        assertThat(count(owner, owner.ledger())).isEqualTo(1000);
    }

    /** A document as the export writes it, with these expenses. */
    private static Map<String, Object> document(String currency, List<Map<String, Object>> expenses) {
        var document = new LinkedHashMap<String, Object>();
        document.put("format", "outlay-ledger");
        document.put("version", 1);
        document.put("exportedAt", "2024-02-01T00:00:00Z");
        document.put("ledger", Map.of("name", "Anything", "currency", currency));
        document.put("members", List.of(Map.of("username", "somebody", "role", "owner")));
        document.put("expenses", expenses);
        return document;
    }

    private static int count(Member member, String ledger) {
        return member.api().get(ledger + "/summary").json().get("count").asInt();
    }
}
