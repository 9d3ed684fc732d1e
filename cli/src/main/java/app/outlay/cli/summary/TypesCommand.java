package app.outlay.cli.summary;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.TypeUse;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code outlay types}: the types in use, most used first. */
@Command(name = "types",
        header = "List the types in use, most used first.",
        description = "List the types in use in the ledger, most used first, with their count and total.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay types", "  outlay types --ledger House --output json"})
public final class TypesCommand implements Callable<Integer> {
    private final Session session;

    TypesCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        List<TypeUse> types = api.types(session.ledgerId(api));
        var table = new Table(Column.left("type"), Column.right("count"), Column.right("total"));
        types.forEach(use -> table.row(Cell.of(use.type()), Cell.of(use.count()), Cell.amount(use.total())));
        session.printer().list(types, table);
        return ExitCodes.OK;
    }
}
