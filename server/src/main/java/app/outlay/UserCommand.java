package app.outlay;

import app.outlay.common.Conflict;
import app.outlay.common.Invalid;
import app.outlay.common.NotFound;
import app.outlay.db.Database;
import app.outlay.ledger.LedgerService;
import app.outlay.user.CurrentUser;
import app.outlay.user.UserService;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Currency;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code outlay-server user add NAME} and {@code outlay-server user reset-password NAME}: accounts managed on the
 * server's own machine, on the database of {@code --db}. The password is read from the console without echo,
 * or as the first line of standard input when that is not a terminal; nothing secret is printed.
 */
@Command(name = "user", description = "Manage accounts on the server's database (--db or OUTLAY_DB).",
        mixinStandardHelpOptions = true, subcommands = {UserCommand.Add.class, UserCommand.ResetPassword.class})
final class UserCommand {
    @ParentCommand
    Config.Options server;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user with a ledger named Personal; the first user is an admin.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(paramLabel = "NAME", description = "3 to 64 letters, digits, '.', '_' or '-'")
        String name;

        @Option(names = "--admin", description = "Make the user an admin, who may create accounts and reset passwords")
        boolean admin;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return user.run(spec, users -> {
                CurrentUser added = users.add(name, readPassword(spec, "Password for " + name + ": "), admin);
                spec.commandLine().getOut().println("Added " + added.username() + (added.admin() ? " (admin)" : "") + ".");
            });
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a user's password; every browser session of the user ends.")
    static final class ResetPassword implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(paramLabel = "NAME", description = "The username, in any case")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return user.run(spec, users -> {
                CurrentUser changed = users.resetPassword(name, readPassword(spec, "New password for " + name + ": "));
                spec.commandLine().getOut().println("Set the password of " + changed.username() + ".");
            });
        }
    }

    /** Runs the work on the server's database; a refusal is one line on standard error and exit code 1. */
    private int run(CommandLine.Model.CommandSpec spec, Consumer<UserService> work) {
        Currency currency = server.currencyCode(spec);
        try (Database db = Database.open(server.database())) {
            Clock clock = Clock.systemUTC();
            work.accept(new UserService(db, new LedgerService(db, currency, clock), currency, false, clock));
            return 0;
        } catch (Invalid e) {
            e.errors().forEach(error -> spec.commandLine().getErr().println(error.field() + " " + error.message()));
        } catch (Conflict | NotFound | Refused e) {
            spec.commandLine().getErr().println(e.getMessage());
        }
        return 1;
    }

    /** The password, typed twice without echo on a terminal, or the first line of standard input. */
    private static String readPassword(CommandLine.Model.CommandSpec spec, String prompt) {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            char[] first = console.readPassword("%s", prompt);
            char[] again = console.readPassword("%s", "Once more: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new Refused("The two passwords differ.");
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new Refused("No password: type it on a terminal, or give it as the first line of standard input.");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Console.isTerminal()} where the JDK has it (22+); before that, a console is always a terminal. */
    private static boolean isTerminal(Console console) {
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** A command that cannot go on, with the reason to print. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
