package app.outlay.cli.ledger;

import app.outlay.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code outlay ledger ...}: the ledgers themselves. */
@Command(name = "ledger",
        header = "Create, rename, delete, choose and share ledgers.",
        description = "Create, rename, delete, choose and share ledgers (each a book of expenses in one currency).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {LedgerListCommand.class, LedgerCreateCommand.class, LedgerRenameCommand.class,
            LedgerDeleteCommand.class, LedgerUseCommand.class, LedgerMembersCommand.class, LedgerShareCommand.class,
            LedgerUnshareCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay ledger list",
            "  outlay ledger create House --currency EUR",
            "  outlay ledger use House                      (the default for later commands)",
            "  outlay ledger rename House Home",
            "  outlay ledger delete Home --yes",
            "  outlay ledger share bob --role editor --ledger Home",
            "  outlay ledger members --ledger Home"})
public final class LedgerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage, as an error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
