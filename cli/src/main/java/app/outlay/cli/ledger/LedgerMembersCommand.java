package app.outlay.cli.ledger;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Member;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code outlay ledger members}: who shares the ledger, in which role. */
@Command(name = "members",
        header = "List the members of a ledger.",
        description = "List who shares the ledger (by default the one commands use), with their roles: "
                + "owners manage the ledger and its members, editors add and change expenses, viewers read.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay ledger members", "  outlay ledger members --ledger House --output json"})
final class LedgerMembersCommand implements Callable<Integer> {
    private final Session session;

    LedgerMembersCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        List<Member> members = api.members(session.ledgerId(api));
        session.printer().list(members, MemberRows.table(members));
        return ExitCodes.OK;
    }
}
