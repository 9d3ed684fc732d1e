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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code outlay-server user add NAME} and {@code outlay-server user reset-password NAME}: accounts managed on the
 * server's own machine, on the database of {@code --db}. The password is read from the console without echo,
 * or as the first line of standard input when that is not a terminal; nothing secret is printed.
 */
final class UserCommand {
    private final Config.Options server;

    private UserCommand(Config.Options server) {
        this.server = server;
    }

    /** {@code user} and its subcommands, on the database and currency of {@code server}'s options. */
    static CommandSpec command(Config.Options server) {
        var user = new UserCommand(server);
        return Commands.command("user", null, List.of(), "Manage accounts on the server's database (--db or OUTLAY_DB).")
                .addSubcommand("add", user.new Add().command)
                .addSubcommand("reset-password", user.new ResetPassword().command);
    }

    private final class Add implements Callable<Integer> {
        private final PositionalParamSpec name = Commands.parameter("NAME", String.class,
                "3 to 64 letters, digits, '.', '_' or '-'");
        private final OptionSpec admin = Commands.flag("--admin",
                "Make the user an admin, who may create accounts and reset passwords");
        final CommandSpec command = Commands.command("add", this, List.of(name, admin),
                "Create a user with a ledger named Personal; the first user is an admin.");

        @Override
        public Integer call() {
            String username = name.getValue();
            return run(command, users -> {
                CurrentUser added = users.add(username, readPassword("Password for " + username + ": "), admin.getValue());
                command.commandLine().getOut().println("Added " + added.username() + (added.admin() ? " (admin)" : "") + ".");
            });
        }
    }

    private final class ResetPassword implements Callable<Integer> {
        private final PositionalParamSpec name = Commands.parameter("NAME", String.class, "The username, in any case");
        final CommandSpec command = Commands.command("reset-password", this, List.of(name),
                "Set a user's password; every browser session of the user ends.");

        @Override
        public Integer call() {
            String username = name.getValue();
            return run(command, users -> {
                CurrentUser changed = users.resetPassword(username, readPassword("New password for " + username + ": "));
                command.commandLine().getOut().println("Set the password of " + changed.username() + ".");
            });
        }
    }

    /** Runs the work on the server's database; a refusal is one line on standard error and exit code 1. */
    private int run(CommandSpec spec, Consumer<UserService> work) {
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
    private static String readPassword(String prompt) {
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
