package app.outlay.cli.ledger;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Ledger;
import app.outlay.cli.api.Member;
import app.outlay.cli.api.MemberChange;
import app.outlay.cli.api.ServerRefused;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outlay ledger share USER --role ROLE}: adds a member to the ledger, or changes a member's role. */
@Command(name = "share",
        header = "Share a ledger with a user, or change a member's role.",
        description = "Share the ledger (by default the one commands use) with a user of the server, or give a "
                + "member another role (owners only). A ledger always keeps at least one owner.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay ledger share bob --role editor --ledger House",
            "  outlay ledger share bob --role viewer         (bob may now only read)",
            "  outlay ledger share carol --role owner"})
final class LedgerShareCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "USER", description = "The user's username.")
    String user;

    @Option(names = "--role", required = true, paramLabel = "ROLE", completionCandidates = Roles.class,
            description = "viewer (reads), editor (also adds and changes expenses) or owner (also manages the "
                    + "ledger and its members).")
    String role;

    LedgerShareCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String wireRole = Roles.check(role);
        ApiClient api = session.api();
        Ledger ledger = session.ledger(api);
        MemberChange change;
        try {
            change = api.putMember(ledger.id(), user, wireRole);
        } catch (ServerRefused e) {
            throw e.status() == 404 ? e.explained("There is no user named '" + user + "' on " + api.server() + ".") : e;
        }
        Member member = change.member();
        session.printer().row(member, MemberRows.row(member));
        session.messages().println(change.added()
                ? "Shared ledger " + ledger.name() + " with " + member.username() + " as " + member.role() + "."
                : member.username() + " is now " + member.role() + " in ledger " + ledger.name() + ".");
        return ExitCodes.OK;
    }
}
