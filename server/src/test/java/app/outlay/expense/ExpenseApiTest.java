package app.outlay.expense;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpenseApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static int users;
    private Member alice;

    @BeforeEach
    void freshUser() {
        alice = server.newUser("alice" + ++users);
    }

    @Test
    void createdExpenseIsReturnedWithLocationEtagAndExactAmount() {
        // when
        var created = alice.api().post(alice.expenses(), expense("2023-11-11", "food", "-10.00", "hamburger"));

        // then
        assertThat(created.status()).isEqualTo(201);
        var id = created.text("id");
        assertThat(created.header("Location")).endsWith(alice.expenses() + "/" + id);
        assertThat(created.header("ETag")).isNotBlank();
        assertThat(created.json().get("amount").asText()).isEqualTo("-10.00");
        assertThat(created.text("createdBy")).isEqualTo(alice.username());
        assertThat(created.text("updatedBy")).isEqualTo(alice.username());
        assertThat(created.json().get("version").asLong()).isEqualTo(1);

        var fetched = alice.api().get(alice.expenses() + "/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(created.json());
        assertThat(fetched.header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void numericAmountsAreStoredExactlyAndWrittenWithTheCurrencysDigits() {
        var body = new LinkedHashMap<String, Object>(expense("2023-11-12", "leisure", null, "drinks out"));
        body.put("amount", -5);
        assertThat(alice.api().post(alice.expenses(), body).text("amount")).isEqualTo("-5.00");

        body.put("amount", new java.math.BigDecimal("0.1"));
        assertThat(alice.api().post(alice.expenses(), body).text("amount")).isEqualTo("0.10");

        body.put("amount", "1234567.5");
        assertThat(alice.api().post(alice.expenses(), body).text("amount")).isEqualTo("1234567.50");
    }

    @Test
    void readOnlyAndUnknownMembersInTheBodyAreIgnored() {
        var body = new LinkedHashMap<String, Object>(expense("2023-11-11", "food", "-1.00", "x"));
        body.put("id", "999999");
        body.put("version", 42);
        body.put("createdBy", "mallory");
        body.put("colour", "red");

        var created = alice.api().post(alice.expenses(), body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).isNotEqualTo("999999");
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(created.text("createdBy")).isEqualTo(alice.username());
        assertThat(created.json().has("colour")).isFalse();
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
            "date|2023-02-30", "date|2023-13-01", "date|11/11/2023", "date|", "date|0000-01-01",
            "type|'   '", "type|", "amount|-1.005", "amount|-10.000", "amount|1e400", "amount|abc",
            "amount|1000000000000.00", "amount|", "description|LONG"})
    void invalidFieldsAreRefusedWith422NamingTheField(String field, String value) {
        // given
        var body = new LinkedHashMap<String, Object>(expense("2023-11-11", "food", "-1.00", "ok"));
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value.equals("LONG") ? "x".repeat(1001) : value);
        }
        int before = count();

        // when
        var response = alice.api().post(alice.expenses(), body);

        // then
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void edgesOfTheValidRangesAreAccepted() {
        var api = alice.api();
        assertThat(api.post(alice.expenses(), expense("2024-02-29", "t".repeat(64), "999999999999.99", "d".repeat(1000))).status())
                .isEqualTo(201);
        assertThat(api.post(alice.expenses(), expense("2024-01-01", "food", "-999999999999.99", "")).status())
                .isEqualTo(201);
        var trimmed = api.post(alice.expenses(), expense("2024-01-01", "  food  ", "0", null));
        assertThat(trimmed.text("type")).isEqualTo("food");
        assertThat(trimmed.text("description")).isEmpty();
        assertThat(trimmed.text("amount")).isEqualTo("0.00");
    }

    /** PostgreSQL has no year 0000 (a batch holding it was a 500 there); imports refused it already. */
    @Test
    void theYearZeroIsRefusedByBatchesAndPatchesAsByImports() {
        // given
        var created = alice.api().post(alice.expenses(), expense("0001-01-01", "food", "-1.00", "first year"));
        int before = count();

        // when
        var batch = alice.api().post(alice.expenses() + "/batch", List.of(expense("0000-12-31", "food", "-1.00", "")));
        var patch = alice.api().patch(alice.expenses() + "/" + created.text("id"), Map.of("date", "0000-01-01"));

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(batch.status()).isEqualTo(422);
        assertThat(batch.json().get("errors").findValuesAsText("field")).containsExactly("[0].date");
        assertThat(patch.status()).isEqualTo(422);
        assertThat(patch.json().get("errors").findValuesAsText("field")).containsExactly("date");
        assertThat(count()).isEqualTo(before);
        assertThat(alice.api().get(alice.expenses() + "/" + created.text("id")).json()).isEqualTo(created.json());
    }

    @Test
    void allFieldProblemsAreReportedAtOnce() {
        var response = alice.api().post(alice.expenses(), Map.of("date", "2023-02-30", "type", "", "amount", "x"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("date", "type", "amount");
    }

    @Test
    void getWithTheCurrentEtagAnswers304() {
        var created = alice.api().post(alice.expenses(), expense("2023-11-11", "food", "-10.00", "hamburger"));
        var url = alice.expenses() + "/" + created.text("id");

        var notModified = alice.api().withHeader("If-None-Match", created.header("ETag")).get(url);
        var stale = alice.api().withHeader("If-None-Match", "\"0.0\"").get(url);

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(stale.status()).isEqualTo(200);
    }

    @Test
    void putReplacesEveryFieldAndBumpsTheVersion() {
        var created = alice.api().post(alice.expenses(), expense("2023-11-11", "food", "-10.00", "hamburger"));
        var url = alice.expenses() + "/" + created.text("id");

        var replaced = alice.api().withHeader("If-Match", created.header("ETag"))
                .put(url, expense("2023-11-12", "dining", "-11.50", "burger"));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.text("date")).isEqualTo("2023-11-12");
        assertThat(replaced.text("type")).isEqualTo("dining");
        assertThat(replaced.text("amount")).isEqualTo("-11.50");
        assertThat(replaced.text("description")).isEqualTo("burger");
        assertThat(replaced.json().get("version").asLong()).isEqualTo(2);
        assertThat(replaced.header("ETag")).isNotEqualTo(created.header("ETag"));
        assertThat(alice.api().get(url).json()).isEqualTo(replaced.json());
    }

    @Test
    void putWithoutChangesKeepsVersionAndEtag() {
        var created = alice.api().post(alice.expenses(), expense("2023-11-11", "food", "-10.00", "hamburger"));
        var url = alice.expenses() + "/" + created.text("id");

        var same = alice.api().put(url, expense("2023-11-11", "food", "-10.0", "hamburger"));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json()).isEqualTo(created.json());
        assertThat(same.header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        var created = alice.api().post(alice.expenses(), expense("2023-11-11", "food", "-10.00", "hamburger"));
        var url = alice.expenses() + "/" + created.text("id");

        var patched = alice.api().patch(url, Map.of("description", "cheeseburger"));
        var cleared = alice.api().patch(url, java.util.Collections.singletonMap("description", null));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("description")).isEqualTo("cheeseburger");
        assertThat(patched.text("amount")).isEqualTo("-10.00");
        assertThat(patched.text("type")).isEqualTo("food");
        assertThat(patched.text("date")).isEqualTo("2023-11-11");
        assertThat(cleared.text("description")).isEmpty();
        assertThat(cleared.json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void patchThatBreaksARuleChangesNothing() {
        var created = alice.api().post(alice.expenses(), expense("2023-11-11", "food", "-10.00", "hamburger"));
        var url = alice.expenses() + "/" + created.text("id");

        var refused = alice.api().patch(url, java.util.Collections.singletonMap("type", null));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("type");
        assertThat(alice.api().get(url).json()).isEqualTo(created.json());
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        var created = alice.api().post(alice.expenses(), expense("2023-11-11", "food", "-10.00", "hamburger"));
        var url = alice.expenses() + "/" + created.text("id");
        var staleEtag = created.header("ETag");
        var current = alice.api().withHeader("If-Match", staleEtag).patch(url, Map.of("amount", "-11.00"));

        var put = alice.api().withHeader("If-Match", staleEtag).put(url, expense("2020-01-01", "x", "-1.00", "y"));
        var patch = alice.api().withHeader("If-Match", staleEtag).patch(url, Map.of("amount", "-99.00"));
        var delete = alice.api().withHeader("If-Match", staleEtag).delete(url);

        assertThat(current.status()).isEqualTo(200);
        assertThat(put.status()).isEqualTo(412);
        assertThat(patch.status()).isEqualTo(412);
        assertThat(delete.status()).isEqualTo(412);
        assertThat(alice.api().get(url).json()).isEqualTo(current.json());
    }

    @Test
    void deleteRemovesTheExpenseAndHonoursIfMatch() {
        var created = alice.api().post(alice.expenses(), expense("2023-11-11", "food", "-10.00", "hamburger"));
        var url = alice.expenses() + "/" + created.text("id");

        var deleted = alice.api().withHeader("If-Match", created.header("ETag")).delete(url);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(alice.api().get(url).status()).isEqualTo(404);
        assertThat(alice.api().delete(url).status()).isEqualTo(404);
    }

    @Test
    void amountsFollowTheLedgersCurrency() {
        var yen = alice.api().post("/api/v1/ledgers", Map.of("name", "Tokyo trip", "currency", "JPY"));
        var url = "/api/v1/ledgers/" + yen.text("id") + "/expenses";

        var created = alice.api().post(url, expense("2024-04-01", "food", "-1200", "ramen"));
        var refused = alice.api().post(url, expense("2024-04-01", "food", "-12.5", "ramen"));

        assertThat(created.text("amount")).isEqualTo("-1200");
        assertThat(refused.status()).isEqualTo(422);
    }

    private int count() {
        return alice.api().get(alice.ledger() + "/summary").json().get("count").asInt();
    }
}
