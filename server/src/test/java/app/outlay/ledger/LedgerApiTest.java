package app.outlay.ledger;

import static app.outlay.support.ProblemAssertions.assertProblem;
import static app.outlay.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerApiTest {
    private static final String LEDGERS = "/api/v1/ledgers";

    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void theListShowsEachOfTheCallersLedgersWithTheirRole() {
        // given
        Member user = server.newUser(Fixtures.username("anna"));
        String holidays = created(user.api().post(LEDGERS, Fixtures.ledger("Holidays", "USD"))).text("id");

        // when
        var list = user.api().get(LEDGERS);

        // then
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(2);
        for (JsonNode ledger : list.json()) {
            assertThat(fieldNames(ledger)).containsExactlyInAnyOrder("id", "name", "currency", "role");
        }
        assertThat(byId(list.json(), user.ledgerId()).path("name").asText()).isEqualTo("Personal");
        assertThat(byId(list.json(), user.ledgerId()).path("currency").asText()).isEqualTo("EUR");
        assertThat(byId(list.json(), user.ledgerId()).path("role").asText()).isEqualTo("owner");
        assertThat(byId(list.json(), holidays).path("name").asText()).isEqualTo("Holidays");
        assertThat(byId(list.json(), holidays).path("currency").asText()).isEqualTo("USD");
        assertThat(byId(list.json(), holidays).path("role").asText()).isEqualTo("owner");
    }

    @Test
    void creatingALedgerAnswers201WithItsLocationAndMakesTheCallerOwner() {
        // given
        Member user = server.newUser(Fixtures.username("bert"));

        // when
        var created = user.api().post(LEDGERS, Fixtures.ledger("  Household  ", "CHF"));

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.text("id")).isNotBlank().isNotEqualTo(user.ledgerId());
        assertThat(created.text("name")).isEqualTo("Household");
        assertThat(created.text("currency")).isEqualTo("CHF");
        assertThat(created.text("role")).isEqualTo("owner");
        var fetched = user.api().get(path(created.header("Location")));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(created.json());
        assertThat(ids(user.api().get(LEDGERS).json())).contains(created.text("id"));
    }

    @Test
    void aNameOf100CharactersIsAccepted() {
        // given
        Member user = server.newUser(Fixtures.username("cora"));
        String name = "n".repeat(100);

        // when
        var created = user.api().post(LEDGERS, Fixtures.ledger(name, "EUR"));

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 101})
    void aBlankOrTooLongNameIsRefusedNamingTheFieldAndNothingIsCreated(int length) {
        // given a name that is empty, a blank, or 101 characters
        Member user = server.newUser(Fixtures.username("dirk"));
        String name = length == 1 ? " " : "n".repeat(length);

        // when
        var refused = user.api().post(LEDGERS, Fixtures.ledger(name, "EUR"));

        // then
        assertProblem(refused, 422);
        assertThat(errorFields(refused)).containsExactly("name");
        assertThat(user.api().get(LEDGERS).json()).hasSize(1);
    }

    @Test
    void aMissingNameIsRefusedNamingTheField() {
        // given
        Member user = server.newUser(Fixtures.username("dora"));

        // when
        var refused = user.api().post(LEDGERS, Map.of("currency", "EUR"));

        // then
        assertProblem(refused, 422);
        assertThat(errorFields(refused)).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EURO", "XYZ", "EU", "", "123", "€"})
    void aCurrencyThatIsNotAnIso4217CodeIsRefusedNamingTheField(String currency) {
        // given
        Member user = server.newUser(Fixtures.username("egon"));

        // when
        var refused = user.api().post(LEDGERS, Fixtures.ledger("Travel", currency));

        // then
        assertProblem(refused, 422);
        assertThat(errorFields(refused)).containsExactly("currency");
        assertThat(user.api().get(LEDGERS).json()).hasSize(1);
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        // given
        Member user = server.newUser(Fixtures.username("fay"));

        // when
        var refused = user.api().post(LEDGERS, Fixtures.ledger("", "EURO"));

        // then
        assertProblem(refused, 422);
        assertThat(errorFields(refused)).containsExactlyInAnyOrder("name", "currency");
    }

    @Test
    void patchingTheNameRenamesTheLedgerAndKeepsItsCurrency() {
        // given
        Member user = server.newUser(Fixtures.username("gerd"));
        String ledger = created(user.api().post(LEDGERS, Fixtures.ledger("Car", "GBP"))).text("id");

        // when
        var renamed = user.api().patch(LEDGERS + "/" + ledger, Map.of("name", "Car and bike"));

        // then
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Car and bike");
        assertThat(renamed.text("currency")).isEqualTo("GBP");
        assertThat(renamed.text("role")).isEqualTo("owner");
        assertThat(user.api().get(LEDGERS + "/" + ledger).text("name")).isEqualTo("Car and bike");
        assertThat(byId(user.api().get(LEDGERS).json(), ledger).path("name").asText()).isEqualTo("Car and bike");
    }

    @Test
    void renamingToAnInvalidNameIsRefusedAndKeepsTheOldName() {
        // given
        Member user = server.newUser(Fixtures.username("hedi"));

        // when
        var refused = user.api().patch(user.ledger(), Map.of("name", "x".repeat(101)));

        // then
        assertProblem(refused, 422);
        assertThat(errorFields(refused)).containsExactly("name");
        assertThat(user.api().get(user.ledger()).text("name")).isEqualTo("Personal");
    }

    @Test
    void changingTheCurrencyIsAConflictAndChangesNothing() {
        // given a EUR ledger with an expense of ten euros
        Member user = server.newUser(Fixtures.username("ines"));
        created(user.api().post(user.expenses(), Fixtures.expense()));

        // when
        var refused = user.api().patch(user.ledger(), Map.of("name", "Dollars", "currency", "USD"));

        // then
        assertProblem(refused, 409);
        var ledger = user.api().get(user.ledger());
        assertThat(ledger.text("currency")).isEqualTo("EUR");
        assertThat(ledger.text("name")).isEqualTo("Personal");
        assertThat(user.api().get(user.expenses()).json().path("items").get(0).path("amount").asText()).isEqualTo("-10.00");
    }

    @Test
    void patchingWithTheSameCurrencyIsNoChangeAndAccepted() {
        // given
        Member user = server.newUser(Fixtures.username("jan"));

        // when
        var same = user.api().patch(user.ledger(), Map.of("currency", "EUR"));

        // then
        assertThat(same.status()).as("%s", same).isEqualTo(200);
        assertThat(same.text("currency")).isEqualTo("EUR");
        assertThat(same.text("name")).isEqualTo("Personal");
    }

    @Test
    void deletingALedgerRemovesItAndItsExpensesButNothingElse() {
        // given a second ledger with an expense, and an expense in the first
        Member user = server.newUser(Fixtures.username("kai"));
        String doomed = created(user.api().post(LEDGERS, Fixtures.ledger("Old flat", "EUR"))).text("id");
        String doomedExpense = LEDGERS + "/" + doomed + "/expenses/"
                + created(user.api().post(LEDGERS + "/" + doomed + "/expenses", Fixtures.expense())).text("id");
        String keptExpense = user.expenses() + "/" + created(user.api().post(user.expenses(), Fixtures.expense())).text("id");

        // when
        var deleted = user.api().delete(LEDGERS + "/" + doomed);

        // then
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertProblem(user.api().get(LEDGERS + "/" + doomed), 404);
        assertProblem(user.api().get(doomedExpense), 404);
        assertProblem(user.api().get(LEDGERS + "/" + doomed + "/expenses"), 404);
        assertProblem(user.api().delete(LEDGERS + "/" + doomed), 404);
        assertThat(ids(user.api().get(LEDGERS).json())).containsExactly(user.ledgerId());
        assertThat(user.api().get(keptExpense).status()).isEqualTo(200);
    }

    @Test
    void aYenLedgerWritesWholeAmountsAndRefusesFractions() {
        // given
        Member user = server.newUser(Fixtures.username("kenji"));
        String expenses = LEDGERS + "/" + created(user.api().post(LEDGERS, Fixtures.ledger("Tokyo", "JPY"))).text("id") + "/expenses";

        // when
        var fromString = user.api().post(expenses, Fixtures.expense("2024-04-01", "food", "-500", "ramen"));
        var fromNumber = user.api().post(expenses, Map.of("date", "2024-04-02", "type", "food", "amount", -1200, "description", "sushi"));
        var fraction = user.api().post(expenses, Fixtures.expense("2024-04-03", "food", "-5.5", "gum"));
        var zeroCents = user.api().post(expenses, Fixtures.expense("2024-04-03", "food", "-500.00", "written as euros"));

        // then
        assertThat(created(fromString).text("amount")).isEqualTo("-500");
        assertThat(created(fromNumber).text("amount")).isEqualTo("-1200");
        assertProblem(fraction, 422);
        assertThat(errorFields(fraction)).containsExactly("amount");
        assertProblem(zeroCents, 422);
        assertThat(errorFields(zeroCents)).containsExactly("amount");
        var listed = user.api().get(expenses + "?sort=date").json().path("items");
        assertThat(amounts(listed)).containsExactly("-500", "-1200");
        var summary = user.api().get(expenses.replace("/expenses", "/summary")).json();
        assertThat(summary.path("currency").asText()).isEqualTo("JPY");
        assertThat(summary.path("total").asText()).isEqualTo("-1700");
    }

    @Test
    void aEuroLedgerWritesAmountsWithTwoDecimals() {
        // given
        Member user = server.newUser(Fixtures.username("lena"));

        // when
        var whole = user.api().post(user.expenses(), Fixtures.expense("2024-04-01", "food", "-5", "pretzel"));
        var tenths = user.api().post(user.expenses(), Map.of("date", "2024-04-02", "type", "food", "amount", -2.5, "description", "coffee"));

        // then
        assertThat(created(whole).text("amount")).isEqualTo("-5.00");
        assertThat(created(tenths).text("amount")).isEqualTo("-2.50");
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response;
    }

    /** The path of a Location header, whether it is absolute or relative. */
    private static String path(String location) {
        assertThat(location).isNotNull();
        return java.net.URI.create(location).getPath();
    }

    private static JsonNode byId(JsonNode array, String id) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.path("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + id + " in " + array));
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asText()).toList();
    }

    private static List<String> amounts(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(n -> n.path("amount").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
