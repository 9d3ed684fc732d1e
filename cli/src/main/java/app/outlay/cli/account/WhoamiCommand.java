package app.outlay.cli.account;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Me;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code outlay whoami}: who the token belongs to, and on which server. */
@Command(name = "whoami",
        header = "Show the signed-in user and the server.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay whoami", "  outlay whoami --output json"})
public final class WhoamiCommand implements Callable<Integer> {
    private final Session session;

    WhoamiCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        Me me = api.me();
        var identity = new Identity(me.id(), me.username(), me.admin(), api.server().toString());
        var table = new Table(Column.left("username"), Column.left("admin"), Column.left("server"))
                .row(Cell.of(me.username()), Cell.of(me.admin()), Cell.of(api.server()));
        session.printer().record(identity, table);
        return ExitCodes.OK;
    }

    /** The user as the server describes them, and the server. */
    record Identity(String id, String username, boolean admin, String server) {}
}
