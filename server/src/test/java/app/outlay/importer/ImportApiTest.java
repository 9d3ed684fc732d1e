package app.outlay.importer;

import static app.outlay.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Importing the CSV files of the corpus under {@code imports/}: each becomes exactly the expenses it holds. */
class ImportApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static int users;

    @Test
    void aGermanBankExportWithSemicolonsDecimalCommasAndDottedDatesImportsExactly() {
        // given
        Member member = server.newUser("importer" + ++users);

        // when
        var result = importFile(member, "german.csv", "");

        // then
        assertThat(result.status()).as("%s", result).isEqualTo(200);
        JsonNode json = result.json();
        assertThat(json.get("rows").asInt()).isEqualTo(3);
        assertThat(json.get("imported").asInt()).isEqualTo(3);
        assertThat(json.get("mapping").toString())
                .isEqualTo("{\"date\":\"Buchungstag\",\"amount\":\"Betrag (EUR)\",\"type\":\"Kategorie\",\"description\":\"Verwendungszweck\"}");
        assertThat(json.get("delimiter").asText()).isEqualTo(";");
        assertThat(json.get("dateFormat").asText()).isEqualTo("dd.MM.yyyy");
        assertThat(json.get("decimalSeparator").asText()).isEqualTo(",");
        assertThat(expenses(member)).containsExactly(
                "2024-01-02|Wohnen|-1250.00|Miete Januar",
                "2024-01-15|Lebensmittel|-4.35|Bäckerei Müller",
                "2024-01-31|uncategorized|3456.78|Gehalt Januar");
    }

    @Test
    void aUsExportWithMonthFirstDatesAndDollarAmountsImportsExactly() {
        Member member = server.newUser("importer" + ++users);

        var result = importFile(member, "us.csv", "");

        assertThat(result.status()).as("%s", result).isEqualTo(200);
        assertThat(result.json().get("dateFormat").asText()).isEqualTo("MM/dd/yyyy");
        assertThat(result.json().get("decimalSeparator").asText()).isEqualTo(".");
        assertThat(expenses(member)).containsExactly(
                "2024-01-02|uncategorized|-4.50|Coffee shop",
                "2024-01-13|uncategorized|-1234.56|Rent, January",
                "2024-02-01|uncategorized|2500.00|Paycheck");
    }

    @Test
    void debitIsMoneyOutAndCreditMoneyIn() {
        Member member = server.newUser("importer" + ++users);

        var result = importFile(member, "debit-credit.csv", "");

        assertThat(result.status()).as("%s", result).isEqualTo(200);
        assertThat(result.json().get("mapping").toString())
                .isEqualTo("{\"date\":\"Date\",\"debit\":\"Debit\",\"credit\":\"Credit\",\"type\":\"Category\",\"description\":\"Description\"}");
        assertThat(expenses(member)).containsExactly(
                "2024-03-01|food|-23.40|Groceries",
                "2024-03-02|food|10.00|Refund",
                "2024-03-03|utilities|-61.20|Electricity");
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreReadAsText() {
        Member member = server.newUser("importer" + ++users);

        var result = importFile(member, "bom-crlf.csv", "");

        assertThat(result.status()).as("%s", result).isEqualTo(200);
        assertThat(result.json().get("mapping").get("date").asText()).isEqualTo("date");
        assertThat(expenses(member)).containsExactly(
                "2024-04-01|food|-12.00|pizza",
                "2024-04-02|travel|-40.00|train ticket");
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaksAndTrailingBlankLinesAreSkipped() {
        Member member = server.newUser("importer" + ++users);

        var result = importFile(member, "quoted.csv", "");

        assertThat(result.status()).as("%s", result).isEqualTo(200);
        assertThat(result.json().get("rows").asInt()).isEqualTo(4);
        assertThat(expenses(member)).containsExactly(
                "2024-05-01|uncategorized|-3.00|plain, with a comma",
                "2024-05-02|uncategorized|-4.00|She said \"hello\"",
                "2024-05-03|uncategorized|-5.00|two\r\nlines",
                "2024-05-04|uncategorized|-6.00|");
    }

    @Test
    void frenchItalianAndSpanishHeadersAreRecognised() {
        Member french = server.newUser("importer" + ++users);
        Member italian = server.newUser("importer" + ++users);
        Member spanish = server.newUser("importer" + ++users);

        assertThat(importFile(french, "french.csv", "").status()).isEqualTo(200);
        assertThat(importFile(italian, "italian.csv", "").status()).isEqualTo(200);
        var result = importFile(spanish, "spanish.csv", "");

        assertThat(result.json().get("dateFormat").asText()).isEqualTo("dd/MM/yyyy");
        assertThat(expenses(french)).containsExactly(
                "2024-02-05|Alimentation|-2.80|Boulangerie",
                "2024-02-14|Revenus|150.00|Virement reçu");
        assertThat(expenses(italian)).containsExactly(
                "2024-03-01|Spesa|-45.10|Supermercato",
                "2024-03-16|Entrate|1800.00|Stipendio");
        assertThat(expenses(spanish)).containsExactly(
                "2024-04-03|uncategorized|-12.30|Farmacia",
                "2024-04-20|uncategorized|2100.00|Nómina");
    }

    @Test
    void outlaysOwnExportImportsWithDescriptionsAsWritten() {
        Member member = server.newUser("importer" + ++users);

        var result = importFile(member, "outlay-export.csv", "");

        assertThat(result.status()).as("%s", result).isEqualTo(200);
        assertThat(expenses(member)).containsExactly(
                "2023-11-11|food|-10.00|hamburger",
                "2023-11-12|leisure|-5.00|drinks, out",
                "2023-11-30|salary|2500.00| November ");
    }

    @Test
    void anInvalidRowRefusesTheWholeFileNamingItsLineAndField() {
        Member member = server.newUser("importer" + ++users);

        var result = importFile(member, "malformed.csv", "");

        JsonNode problem = assertProblem(result, 422);
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(problem.get("errors").get(1).get("line").asInt()).isEqualTo(6);
        assertThat(problem.get("errors").get(1).get("field").asText()).isEqualTo("date");
        assertThat(expenses(member)).isEmpty();
    }

    @Test
    void skipInvalidImportsTheValidRowsAndReportsTheOthers() {
        Member member = server.newUser("importer" + ++users);

        var result = importFile(member, "malformed.csv", "?skipInvalid=true");

        assertThat(result.status()).as("%s", result).isEqualTo(200);
        assertThat(result.json().get("rows").asInt()).isEqualTo(5);
        assertThat(result.json().get("imported").asInt()).isEqualTo(3);
        assertThat(result.json().get("invalid").asInt()).isEqualTo(2);
        assertThat(result.json().get("errors").findValuesAsText("line")).containsExactly("3", "6");
        assertThat(expenses(member)).containsExactly(
                "2024-06-01|uncategorized|-1.00|fine",
                "2024-06-03|uncategorized|-3.00|fine and\nlong",
                "2024-06-05|uncategorized|-5.00|fine again");
    }

    static Api.Response importFile(Member member, String file, String query) {
        return post(member, new String(resource(file), StandardCharsets.UTF_8), query);
    }

    static Api.Response post(Member member, String csv, String query) {
        return member.api().send("POST", member.ledger() + "/imports" + query, csv, "text/csv");
    }

    /** Every expense of the member's ledger, oldest first (ties in the order created), as date|type|amount|description. */
    static List<String> expenses(Member member) {
        var rows = new ArrayList<String>();
        String next = member.expenses() + "?sort=date&limit=1000";
        JsonNode page = member.api().get(next).json();
        page.get("items").forEach(e -> rows.add(e.get("date").asText() + "|" + e.get("type").asText() + "|"
                + e.get("amount").asText() + "|" + e.get("description").asText()));
        return rows;
    }

    static byte[] resource(String file) {
        try (InputStream in = ImportApiTest.class.getResourceAsStream("/imports/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
