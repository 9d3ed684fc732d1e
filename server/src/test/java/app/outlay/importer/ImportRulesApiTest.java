package app.outlay.importer;

import static app.outlay.importer.ImportApiTest.expenses;
import static app.outlay.importer.ImportApiTest.post;
import static app.outlay.support.Fixtures.expense;
import static app.outlay.support.ProblemAssertions.assertProblem;
import static app.outlay.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rules of imports: dry runs, duplicates, undo, the list of imports, roles and bad parameters. */
class ImportRulesApiTest {
    private static final String FILE = "date,amount,description\n2024-01-05,-3.50,coffee\n2024-01-06,-3.50,coffee\n"
            + "2024-01-07,-20.00,books\n";
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static int users;

    @Test
    void csvExportedFromOneLedgerImportsIntoAnEmptyOneAsTheSameExpenses() {
        // given
        Member member = server.newUser("tripper" + ++users);
        var items = List.of(expense("2023-11-11", "food", "-10.00", "hamburger"),
                expense("2023-11-12", "leisure", "-5.00", "drinks, \"out\"\nlate"),
                expense("2023-11-30", "salary", "2500.00", ""),
                expense("2023-12-01", "food", "-0.99", " spaced "));
        member.api().post(member.expenses() + "/batch", items);
        String csv = member.api().withHeader("Accept", "text/csv").send("GET", member.expenses(), null, null).body();
        String target = "/api/v1/ledgers/" + member.api().post("/api/v1/ledgers", Fixtures.ledger("Copy", "EUR")).text("id");

        // when
        var result = member.api().send("POST", target + "/imports", csv, "text/csv");

        // then
        assertThat(result.status()).as("%s", result).isEqualTo(200);
        assertThat(result.json().get("imported").asInt()).isEqualTo(4);
        assertThat(expenses(new Member(member.id(), member.username(), member.api(), target.substring(16), member.token())))
                .isEqualTo(expenses(member));
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndStoresNothing() {
        Member member = server.newUser("dry" + ++users);

        var result = post(member, FILE, "?dryRun=true");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("dryRun").asBoolean()).isTrue();
        assertThat(result.json().get("id").isNull()).isTrue();
        assertThat(result.json().get("imported").asInt()).isEqualTo(3);
        assertThat(expenses(member)).isEmpty();
        assertThat(member.api().get(member.ledger() + "/imports").json()).isEmpty();
    }

    @Test
    void theSameFileTwiceImportsNothingTheSecondTimeButIdenticalRowsOfOneFileAreAllImported() {
        Member member = server.newUser("twice" + ++users);

        var first = post(member, FILE, "");
        var second = post(member, FILE, "");
        var dry = post(member, FILE, "?dryRun=true");

        assertThat(first.json().get("imported").asInt()).isEqualTo(3);
        assertThat(second.json().get("imported").asInt()).isZero();
        assertThat(second.json().get("duplicates").asInt()).isEqualTo(3);
        assertThat(dry.json().get("duplicates").asInt()).isEqualTo(3);
        assertThat(expenses(member)).containsExactly("2024-01-05|uncategorized|-3.50|coffee",
                "2024-01-06|uncategorized|-3.50|coffee", "2024-01-07|uncategorized|-20.00|books");
    }

    @Test
    void duplicatesCountWithMultiplicityAndAllowDuplicatesImportsThemAnyway() {
        // given the ledger holds one coffee of the 5th
        Member member = server.newUser("multi" + ++users);
        member.api().post(member.expenses(), expense("2024-01-05", "food", "-3.50", "coffee"));
        String threeCoffees = "date,amount,description\n2024-01-05,-3.50,coffee\n2024-01-05,-3.50,coffee\n"
                + "2024-01-05,-3.50,coffee\n2024-01-05,-3.50,Coffee\n";

        // when
        var result = post(member, threeCoffees, "");
        var anyway = post(member, threeCoffees, "?allowDuplicates=true");

        // then one is a duplicate, the other two and the one with another description are new
        assertThat(result.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(result.json().get("imported").asInt()).isEqualTo(3);
        assertThat(anyway.json().get("imported").asInt()).isEqualTo(4);
        assertThat(expenses(member)).hasSize(8);
    }

    @Test
    void undoRemovesTheUnchangedRowsOfTheImportAndKeepsChangedOnes() {
        // given an import, one of whose rows was edited since, and an expense entered by hand
        Member member = server.newUser("undo" + ++users);
        member.api().post(member.expenses(), expense("2024-01-01", "food", "-1.00", "by hand"));
        String importId = post(member, FILE, "").text("id");
        String books = member.api().get(member.expenses() + "?q=books").json().get("items").get(0).get("id").asText();
        member.api().patch(member.expenses() + "/" + books, Map.of("type", "education"));

        // when
        var undo = member.api().delete(member.ledger() + "/imports/" + importId);
        var again = member.api().delete(member.ledger() + "/imports/" + importId);

        // then
        assertThat(undo.status()).isEqualTo(200);
        assertThat(undo.json().get("removed").asInt()).isEqualTo(2);
        assertThat(undo.json().get("kept").asInt()).isEqualTo(1);
        assertProblem(again, 409);
        assertThat(expenses(member)).containsExactly("2024-01-01|food|-1.00|by hand", "2024-01-07|education|-20.00|books");
        var listed = member.api().get(member.ledger() + "/imports").json().get(0);
        assertThat(listed.get("undoneAt").isTextual()).isTrue();
        assertThat(listed.get("removed").asInt()).isEqualTo(2);
        assertProblem(member.api().delete(member.ledger() + "/imports/999999"), 404);
    }

    @Test
    void importsAreListedNewestFirstWithWhoImportedAndTheirCounts() {
        Member member = server.newUser("lister" + ++users);
        post(member, FILE, "");
        post(member, FILE + "2024-01-08,x,bad\n", "?skipInvalid=true");

        var list = member.api().get(member.ledger() + "/imports").json();

        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("createdBy").asText()).isEqualTo(member.username());
        assertThat(list.get(0).get("rows").asInt()).isEqualTo(4);
        assertThat(list.get(0).get("duplicates").asInt()).isEqualTo(3);
        assertThat(list.get(0).get("invalid").asInt()).isEqualTo(1);
        assertThat(list.get(1).get("imported").asInt()).isEqualTo(3);
        assertThat(list.get(1).get("undoneAt").isNull()).isTrue();
    }

    @Test
    void totalsAndWordSearchStayRightAfterAnImportAndItsUndo() {
        Member member = server.newUser("totals" + ++users);
        member.api().post(member.expenses(), expense("2024-01-20", "uncategorized", "-2.00", "coffee beans"));

        String importId = post(member, FILE, "").text("id");

        String byType = member.ledger() + "/summary?groupBy=type,month";
        String recount = byType + "&minAmount=-999999999999.99";
        assertThat(member.api().get(byType).json()).isEqualTo(member.api().get(recount).json());
        assertThat(member.api().get(byType).json().get("total").asText()).isEqualTo("-29.00");
        assertThat(member.api().get(member.expenses() + "?q=coff").json().get("items")).hasSize(3);
        member.api().delete(member.ledger() + "/imports/" + importId);
        assertThat(member.api().get(byType).json()).isEqualTo(member.api().get(recount).json());
        assertThat(member.api().get(byType).json().get("total").asText()).isEqualTo("-2.00");
        assertThat(member.api().get(member.expenses() + "?q=coff").json().get("items")).hasSize(1);
    }

    @Test
    void withoutAHeaderColumnsAreNamedByNumberAndRowsWithoutATypeGetTheDefaultType() {
        Member member = server.newUser("numbers" + ++users);

        var result = post(member, "rent;2024-02-01;-800,00\nfood;2024-02-02;-12,00\n",
                "?header=false&date=2&amount=3&type=1&delimiter=%3B");
        var typeless = post(member, "Date,Amount\n2024-02-03,-1.00\n", "?defaultType=misc");

        assertThat(result.status()).as("%s", result).isEqualTo(200);
        assertThat(result.json().get("mapping").toString()).isEqualTo("{\"date\":\"2\",\"amount\":\"3\",\"type\":\"1\"}");
        assertThat(typeless.status()).isEqualTo(200);
        assertThat(expenses(member)).containsExactly("2024-02-01|rent|-800.00|", "2024-02-02|food|-12.00|",
                "2024-02-03|misc|-1.00|");
    }

    @Test
    void viewersMayListButNotImportOrUndoAndOutsidersLearnNothing() {
        Member owner = server.newUser("owner" + ++users);
        Member viewer = server.newUser("viewer" + ++users);
        Member outsider = server.newUser("outsider" + ++users);
        owner.api().put(owner.ledger() + "/members/" + viewer.username(), Map.of("role", "viewer"));
        String importId = post(owner, FILE, "").text("id");

        assertThat(viewer.api().get(owner.ledger() + "/imports").status()).isEqualTo(200);
        assertProblem(viewer.api().send("POST", owner.ledger() + "/imports", FILE, "text/csv"), 403);
        assertProblem(viewer.api().delete(owner.ledger() + "/imports/" + importId), 403);
        assertProblem(outsider.api().get(owner.ledger() + "/imports"), 404);
        assertProblem(outsider.api().send("POST", owner.ledger() + "/imports", FILE, "text/csv"), 404);
        assertProblem(outsider.api().delete(owner.ledger() + "/imports/" + importId), 404);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        Member member = server.newUser("params" + ++users);

        assertThat(fields(post(member, FILE, "?amount=Betrag"), 422)).containsExactly("amount");
        assertThat(fields(post(member, FILE, "?date=9"), 422)).containsExactly("date");
        assertThat(fields(post(member, FILE, "?dateFormat=qq.ww"), 400)).containsExactly("dateFormat");
        assertThat(fields(post(member, FILE, "?dateFormat=MM.yyyy"), 400)).containsExactly("dateFormat");
        assertThat(fields(post(member, FILE, "?delimiter=x"), 400)).containsExactly("delimiter");
        assertThat(fields(post(member, FILE, "?decimalSeparator=x"), 400)).containsExactly("decimalSeparator");
        assertThat(fields(post(member, FILE, "?dryRun=maybe"), 400)).containsExactly("dryRun");
        assertThat(fields(post(member, FILE, "?amount=2&debit=3"), 400)).containsExactly("amount");
        assertThat(fields(post(member, "Date,what\n2024-01-01,x\n", ""), 422)).containsExactly("amount");
        assertThat(fields(post(member, "", ""), 422)).containsExactly("file");
        assertProblem(member.api().send("POST", member.ledger() + "/imports", FILE, "application/json"), 415);
        assertThat(expenses(member)).isEmpty();
    }

    /** The fields a problem of this status names. */
    private static List<String> fields(app.outlay.support.Api.Response response, int status) {
        assertProblem(response, status);
        return errorFields(response);
    }

    @Test
    void aFileThatIsNotValidCsvIsRefusedWithItsLine() {
        Member member = server.newUser("broken" + ++users);

        var result = post(member, "date,amount,description\n2024-01-01,-1.00,fine\n2024-01-02,-2.00,\"open\n", "?skipInvalid=true");

        var problem = assertProblem(result, 422);
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(expenses(member)).isEmpty();
    }
}
