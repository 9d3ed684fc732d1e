package app.outlay.cli;

import app.outlay.cli.account.LoginCommand;
import app.outlay.cli.account.LogoutCommand;
import app.outlay.cli.account.WhoamiCommand;
import app.outlay.cli.expense.AddCommand;
import app.outlay.cli.expense.EditCommand;
import app.outlay.cli.expense.ExportCommand;
import app.outlay.cli.expense.ListCommand;
import app.outlay.cli.expense.RmCommand;
import app.outlay.cli.expense.ShowCommand;
import app.outlay.cli.expense.WatchCommand;
import app.outlay.cli.importer.ImportCommand;
import app.outlay.cli.importer.ImportsCommand;
import app.outlay.cli.ledger.LedgerCommand;
import app.outlay.cli.output.Format;
import app.outlay.cli.summary.SummaryCommand;
import app.outlay.cli.summary.TypesCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code outlay}: the commands, and the options every command takes. */
@Command(name = "outlay",
        scope = ScopeType.INHERIT, // -h/--help, -V/--version and the exit codes on every command
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        header = "The command-line client of Outlay, a self-hosted server for household expenses.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:usage error: bad arguments, not logged in, no such ledger",
            "2:the server refused: invalid data, not found, not allowed, changed meanwhile",
            "3:cannot reach the server"},
        subcommands = {
            LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
            AddCommand.class, ListCommand.class, ShowCommand.class, EditCommand.class, RmCommand.class, WatchCommand.class,
            SummaryCommand.class, TypesCommand.class, ExportCommand.class, ImportCommand.class, ImportsCommand.class,
            LedgerCommand.class, CompletionCommand.class, HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay login --server http://127.0.0.1:8080 --username alice",
            "  outlay add food -12.50 lunch with Bob          (today; negative = money out)",
            "  outlay add 2024-03-01 salary 2500.00",
            "  outlay list --from 2024-03-01 --type food --type leisure",
            "  outlay summary --by month --from 2024-01-01",
            "  outlay export --from 2024-01-01 > 2024.csv",
            "  outlay watch                                   (each change as it happens, by anyone)",
            "  outlay import bank.csv --dry-run",
            "",
            "Settings:",
            "  `outlay login` stores the server and a token in $XDG_CONFIG_HOME/outlay/config",
            "  (by default ~/.config/outlay/config), readable by you only. OUTLAY_SERVER and",
            "  OUTLAY_TOKEN override it, for scripts. NO_COLOR=1 turns colours off.",
            "  Data go to standard output, messages to standard error."})
public final class OutlayCommand implements Callable<Integer> {

    @Option(names = "--ledger", scope = ScopeType.INHERIT, paramLabel = "NAME|ID",
            description = "The ledger to work in (default: the one chosen with `outlay ledger use`, else your first).")
    String ledger;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "json, csv or table (default: table on a terminal, csv otherwise).")
    Format output;

    @Spec
    CommandSpec spec;

    /** Without a command: the usage, as an error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
