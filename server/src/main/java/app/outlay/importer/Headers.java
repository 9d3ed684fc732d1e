package app.outlay.importer;

import app.outlay.common.Invalid;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the columns of a file: those the client named (by header name or 1-based number), and the rest by
 * their header names as Outlay's own export and common bank exports write them, in English, German, French,
 * Italian and Spanish, without regard to case, accents, spaces, punctuation or a unit in brackets.
 */
final class Headers {
    /** Normalised header names for each role, the most telling first (a booking date before a value date). */
    private static final Map<Column, List<String>> NAMES = new EnumMap<>(Map.of(
            Column.DATE, List.of("date", "datum", "data", "fecha", "buchungstag", "buchungsdatum", "transactiondate",
                    "bookingdate", "dateoperation", "datedoperation", "dataoperazione", "fechaoperacion",
                    "fechadeoperacion", "posteddate", "postingdate", "transaktionsdatum", "datacontabile",
                    "fechacontable", "valuta", "valutadatum", "wertstellung", "datevaleur", "datavaluta", "fechavalor",
                    "valuedate"),
            Column.AMOUNT, List.of("amount", "betrag", "importo", "importe", "montant", "transactionamount", "umsatz",
                    "monto", "summe", "sum"),
            Column.DEBIT, List.of("debit", "soll", "dare", "cargo", "cargos", "debe", "withdrawal", "withdrawals",
                    "moneyout", "paidout", "sollbetrag", "ausgang", "addebiti", "debits"),
            Column.CREDIT, List.of("credit", "haben", "avere", "abono", "abonos", "haber", "deposit", "deposits",
                    "moneyin", "paidin", "habenbetrag", "eingang", "accrediti", "credits"),
            Column.TYPE, List.of("type", "category", "kategorie", "categorie", "categoria", "tipo", "typ"),
            Column.DESCRIPTION, List.of("description", "verwendungszweck", "libelle", "libelleoperation", "descrizione",
                    "causale", "concepto", "descripcion", "details", "detail", "memo", "narrative", "buchungstext",
                    "text", "payee", "beguenstigterzahlungspflichtiger", "begunstigterzahlungspflichtiger",
                    "empfanger", "name")));
    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final int MIN_PREFIX = 5;

    private Headers() {}

    /** {@code "Libellé de l'opération"} → {@code "libelledeloperation"}, {@code "Betrag (EUR)"} → {@code "betrag"}. */
    static String normalise(String header) {
        String s = BRACKETS.matcher(header).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("ß", "ss");
        return NOT_ALNUM.matcher(s).replaceAll("");
    }

    /**
     * The mapping of a file whose header is {@code header} (null when the file has none), with the columns the
     * client named in {@code requested}. A named column the file lacks, or a role no column fills, is a 422
     * naming the parameter.
     */
    static Mapping map(List<String> header, Map<Column, String> requested) {
        var indexes = new EnumMap<Column, Integer>(Column.class);
        requested.forEach((column, value) -> indexes.put(column, locate(column, value, header)));
        if (header != null) {
            recognise(header, indexes);
        }
        if (!indexes.containsKey(Column.DATE)) {
            throw Invalid.field("date", "no column is recognised as the date" + hint(header));
        }
        if (!indexes.containsKey(Column.AMOUNT) && !indexes.containsKey(Column.DEBIT) && !indexes.containsKey(Column.CREDIT)) {
            throw Invalid.field("amount", "no column is recognised as the amount (or as debit and credit)" + hint(header));
        }
        if (new HashSet<>(indexes.values()).size() < indexes.size()) {
            throw Invalid.field("mapping", "names one column for two roles: " + indexes);
        }
        return new Mapping(indexes, header);
    }

    private static String hint(List<String> header) {
        return header == null
                ? "; name the columns by number (date=1&amount=2...)"
                : "; name it as a parameter (header name or 1-based number); the columns are " + String.join(", ", header);
    }

    private static int locate(Column column, String value, List<String> header) {
        if (value.chars().allMatch(Character::isDigit)) {
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number < 1 || header != null && number > header.size()) {
                throw Invalid.field(column.wire(), "is column " + value + ", but the file's columns are numbered 1 to "
                        + (header == null ? "its width" : header.size()));
            }
            return number - 1;
        }
        if (header == null) {
            throw Invalid.parameter(column.wire(), "must be a column number (1-based) when header=false");
        }
        int exact = header.indexOf(value);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < header.size(); i++) {
            if (normalise(header.get(i)).equals(normalise(value))) {
                return i;
            }
        }
        throw Invalid.field(column.wire(), "names no column of the file (" + value + "); the columns are "
                + String.join(", ", header));
    }

    /** Fills the roles the client left open from the header names; a column is used once. */
    private static void recognise(List<String> header, Map<Column, Integer> indexes) {
        List<String> normalised = new ArrayList<>(header.size());
        header.forEach(h -> normalised.add(normalise(h)));
        Set<Integer> used = new HashSet<>(indexes.values());
        boolean amountNamed = indexes.containsKey(Column.AMOUNT);
        boolean debitCreditNamed = indexes.containsKey(Column.DEBIT) || indexes.containsKey(Column.CREDIT);
        for (Column column : List.of(Column.DATE, Column.AMOUNT, Column.TYPE, Column.DESCRIPTION, Column.DEBIT, Column.CREDIT)) {
            boolean amountLike = column == Column.AMOUNT || column == Column.DEBIT || column == Column.CREDIT;
            if (indexes.containsKey(column) || amountLike && (amountNamed || debitCreditNamed && column == Column.AMOUNT)) {
                continue;
            }
            if ((column == Column.DEBIT || column == Column.CREDIT) && indexes.containsKey(Column.AMOUNT)) {
                continue; // an amount column wins over debit and credit columns
            }
            int found = find(NAMES.get(column), normalised, used);
            if (found >= 0) {
                indexes.put(column, found);
                used.add(found);
            }
        }
    }

    /** The first unused column with the most telling name: exact names first, then names that start with one. */
    private static int find(List<String> names, List<String> normalised, Set<Integer> used) {
        for (String name : names) {
            for (int i = 0; i < normalised.size(); i++) {
                if (!used.contains(i) && normalised.get(i).equals(name)) {
                    return i;
                }
            }
        }
        for (String name : names) {
            for (int i = 0; i < normalised.size(); i++) {
                if (!used.contains(i) && name.length() >= MIN_PREFIX && normalised.get(i).startsWith(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
