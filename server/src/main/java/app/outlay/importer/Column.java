package app.outlay.importer;

import java.util.Locale;

/** What a column of an imported file holds, named as in the query parameters that map it. */
enum Column {
    DATE, AMOUNT, DEBIT, CREDIT, TYPE, DESCRIPTION;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
