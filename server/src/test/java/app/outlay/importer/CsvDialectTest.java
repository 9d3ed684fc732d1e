package app.outlay.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.outlay.common.Invalid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts of reading a bank's CSV: header names, amounts, dates and delimiters. */
class CsvDialectTest {
    @Test
    void headersAreRecognisedWithoutRegardToCaseAccentsPunctuationOrAUnit() {
        var mapping = Headers.map(List.of("Date opération", "Libellé", "Débit (€)", "CRÉDIT", "Catégorie"), Map.of());

        assertThat(mapping.describe()).containsExactly(Map.entry("date", "Date opération"),
                Map.entry("debit", "Débit (€)"), Map.entry("credit", "CRÉDIT"), Map.entry("type", "Catégorie"),
                Map.entry("description", "Libellé"));
    }

    @Test
    void aBookingDateWinsOverAValueDateAndAnAmountOverDebitAndCredit() {
        var mapping = Headers.map(List.of("Valuta", "Buchungstag", "Soll", "Haben", "Betrag", "Verwendungszweck"), Map.of());

        assertThat(mapping.name(Column.DATE)).isEqualTo("Buchungstag");
        assertThat(mapping.name(Column.AMOUNT)).isEqualTo("Betrag");
        assertThat(mapping.has(Column.DEBIT)).isFalse();
    }

    @Test
    void namedColumnsWinOverRecognitionByNameOrNumber() {
        var mapping = Headers.map(List.of("Datum", "Wert", "Info"), Map.of(Column.AMOUNT, "wert", Column.DESCRIPTION, "3"));

        assertThat(mapping.describe()).containsExactly(Map.entry("date", "Datum"), Map.entry("amount", "Wert"),
                Map.entry("description", "Info"));
        assertThatThrownBy(() -> Headers.map(List.of("Datum", "Betrag"), Map.of(Column.TYPE, "Art")))
                .isInstanceOf(Invalid.class);
    }

    @Test
    void amountsReadWithEitherDecimalSeparatorThousandsSymbolsAndSigns() {
        var comma = new AmountFormat(',');
        var point = new AmountFormat('.');

        assertThat(comma.decimal("a", "1.234,56")).isEqualByComparingTo("1234.56");
        assertThat(comma.decimal("a", "-12,5")).isEqualByComparingTo("-12.5");
        assertThat(comma.decimal("a", "12,50-")).isEqualByComparingTo("-12.50");
        assertThat(comma.decimal("a", "EUR -1 234,00")).isEqualByComparingTo("-1234.00");
        assertThat(point.decimal("a", "-$1,234.56")).isEqualByComparingTo("-1234.56");
        assertThat(point.decimal("a", "(45.00)")).isEqualByComparingTo("-45.00");
        assertThat(point.decimal("a", "1'234.50 CHF")).isEqualByComparingTo("1234.50");
        assertThat(point.decimal("a", "+7")).isEqualByComparingTo("7");
        for (String bad : List.of("abc", "12,5", "1.2.3", "", "-", "12 apples")) {
            assertThatThrownBy(() -> point.decimal("a", bad)).as(bad).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void plainAmountsAndIsoDatesReadExactlyAsTheFullReadingReadsThemWithSpaces() {
        var comma = new AmountFormat(',');
        var point = new AmountFormat('.');
        for (String plain : List.of("-17.81", "+7", "5.", ".5", "-0", "007.10", "-.5", "12")) {
            assertThat(point.decimal("a", plain)).as(plain).isEqualTo(point.decimal("a", " " + plain + " "));
        }
        assertThat(comma.decimal("a", "-12,50")).isEqualTo(comma.decimal("a", " -12,50 "))
                .isEqualTo(new BigDecimal("-12.50"));
        for (String bad : List.of("-", "+", ".", "1.2.3", "12,5", "1-2")) {
            assertThatThrownBy(() -> point.decimal("a", bad)).as(bad).isInstanceOf(Invalid.class);
        }
        var iso = DateFormat.detect(List.of("2024-01-31"), false);
        assertThat(iso.parse("date", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(iso.parse("date", "2024-1-5")).isEqualTo(LocalDate.of(2024, 1, 5));
        for (String bad : List.of("2023-02-29", "2024-13-01", "2024-04-31", "0000-01-01", "2024-01-3x", "2024/01/31")) {
            assertThatThrownBy(() -> iso.parse("date", bad)).as(bad).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void theDecimalSeparatorIsTheOneTheAmountsShowElseTheDelimiterDecides() {
        assertThat(AmountFormat.detect(List.of("1.234,56", "-3,20"), ',').decimal()).isEqualTo(',');
        assertThat(AmountFormat.detect(List.of("1,234.56", "-3.20"), ';').decimal()).isEqualTo('.');
        assertThat(AmountFormat.detect(List.of("1,234", "12"), ';').decimal()).isEqualTo(',');
        assertThat(AmountFormat.detect(List.of("1,234", "12"), ',').decimal()).isEqualTo('.');
    }

    @Test
    void dayAndMonthOrderComesFromTheDatesThenFromTheFilesConventions() {
        assertThat(DateFormat.detect(List.of("01/02/2024", "01/13/2024"), true).pattern()).isEqualTo("MM/dd/yyyy");
        assertThat(DateFormat.detect(List.of("01/02/2024", "13/01/2024"), false).pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(DateFormat.detect(List.of("01/02/2024"), true).pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(DateFormat.detect(List.of("01/02/2024"), false).pattern()).isEqualTo("MM/dd/yyyy");
        assertThat(DateFormat.detect(List.of("1.2.24"), false).pattern()).isEqualTo("dd.MM.yy");
        var iso = DateFormat.detect(List.of("2024-01-31T10:15:00"), false);
        assertThat(iso.parse("date", "2024-01-31 10:15")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThatThrownBy(() -> iso.parse("date", "2024-02-30")).isInstanceOf(Invalid.class);
        assertThat(DateFormat.of("dd.MM.yyyy").parse("date", "05.03.2024")).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void theDelimiterIsTheOneTheFirstLineUsesMostOutsideQuotes() {
        assertThat(ImportFile.detectDelimiter("Datum;Text;Betrag\n01.01.2024;a,b;1,00")).isEqualTo(';');
        assertThat(ImportFile.detectDelimiter("\"a;b;c\",d,e\n")).isEqualTo(',');
        assertThat(ImportFile.detectDelimiter("date\tamount\tdescription\n")).isEqualTo('\t');
        assertThat(ImportFile.detectDelimiter("date\n")).isEqualTo(',');
    }
}
