package app.outlay.cli.ledger;

import app.outlay.cli.UsageError;
import app.outlay.cli.api.Ledger;
import java.util.List;
import java.util.stream.Collectors;

/** Finds a ledger by what people call it: its id, or its name (any case). */
public final class Ledgers {
    private Ledgers() {}

    public static Ledger find(List<Ledger> ledgers, String nameOrId) {
        for (Ledger ledger : ledgers) {
            if (ledger.id().equals(nameOrId)) {
                return ledger;
            }
        }
        List<Ledger> named = ledgers.stream().filter(ledger -> ledger.name().equalsIgnoreCase(nameOrId.strip())).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            String yours = ledgers.stream().map(ledger -> ledger.name() + " (" + ledger.id() + ")").collect(Collectors.joining(", "));
            throw new UsageError("You have no ledger named or numbered '" + nameOrId + "'"
                    + (yours.isEmpty() ? "." : "; yours: " + yours + "."));
        }
        String ids = named.stream().map(Ledger::id).collect(Collectors.joining(", "));
        throw new UsageError("Several ledgers are named '" + nameOrId + "': name one by its id (" + ids + ").");
    }
}
