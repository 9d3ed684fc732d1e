package app.outlay.expense;

import app.outlay.common.Money;
import app.outlay.common.Params;
import app.outlay.db.Database;
import app.outlay.ledger.Ledger;
import app.outlay.ledger.LedgerService;
import app.outlay.ledger.Role;
import app.outlay.user.CurrentUser;
import java.util.List;

/** Totals of a ledger: overall, by type, by month, by year, by type and month; and the types in use. */
public final class SummaryService {
    private final SummaryStore store;
    private final LedgerService ledgers;
    private final Database db;

    public SummaryService(Database db, LedgerService ledgers) {
        this.db = db;
        this.store = new SummaryStore(db);
        this.ledgers = ledgers;
    }

    public Summary summary(CurrentUser user, long ledgerId, Params params) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.VIEWER);
        ExpenseFilter filter = ExpenseFilter.parse(params, ledger.currency());
        GroupBy groupBy = GroupBy.parse(params.one("groupBy"));
        if (!filter.words().isEmpty()) {
            db.indexNewWords(); // so that the sums count the newest expenses with those words
        }
        if (groupBy == GroupBy.NONE) {
            return store.total(ledger.id(), filter, ledger.currency());
        }
        List<Summary.Group> groups = store.groups(ledger.id(), filter, groupBy, ledger.currency());
        long total = groups.stream().mapToLong(g -> g.total().minor()).sum();
        long count = groups.stream().mapToLong(Summary.Group::count).sum();
        return new Summary(new Money(total, ledger.currency()), count, groups);
    }

    public List<Summary.TypeUse> types(CurrentUser user, long ledgerId) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.VIEWER);
        return store.types(ledger.id(), ledger.currency());
    }
}
