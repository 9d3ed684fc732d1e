package app.outlay.cli.ledger;

import app.outlay.cli.api.Member;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.Table;
import java.util.List;

/** How the members of a ledger look in tables and CSV. */
final class MemberRows {
    static final List<Column> COLUMNS = List.of(Column.left("username"), Column.left("role"));

    private MemberRows() {}

    static List<Cell> cells(Member member) {
        return List.of(Cell.of(member.username()), Cell.of(member.role()));
    }

    static Table table(List<Member> members) {
        var table = new Table(COLUMNS);
        members.forEach(member -> table.row(cells(member)));
        return table;
    }

    static Table row(Member member) {
        return table(List.of(member));
    }
}
