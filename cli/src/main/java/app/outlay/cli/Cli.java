package app.outlay.cli;

import app.outlay.cli.api.ServerRefused;
import app.outlay.cli.api.ServerUnreachable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the command line over a {@link Context} and runs it, turning every failure into a message and an exit code. */
public final class Cli {
    private Cli() {}

    /** Runs {@code args} and returns the exit code (see {@link ExitCodes}). */
    public static int run(String[] args, Context context) {
        try {
            return commandLine(context).execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    static CommandLine commandLine(Context context) {
        var root = new OutlayCommand();
        var session = new Session(context, root);
        return new CommandLine(root, new Factory(session))
                .setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8))
                .setColorScheme(CommandLine.Help.defaultColorScheme(context.color() ? Ansi.ON : Ansi.OFF))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Cli::badUsage)
                .setExecutionExceptionHandler(Cli::failed);
    }

    private static int badUsage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("outlay: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See `" + command.getCommandSpec().qualifiedName() + " --help`.");
        return ExitCodes.USAGE;
    }

    private static int failed(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        switch (e) {
            case UsageError usage -> {
                err.println("outlay: " + usage.getMessage());
                return ExitCodes.USAGE;
            }
            case ServerRefused refused -> {
                refused.lines().forEach(line -> err.println(line.startsWith(" ") ? line : "outlay: " + line));
                if (refused.status() == 401 && !"login".equals(command.getCommandName())) {
                    err.println("Log in with `outlay login` (or set OUTLAY_TOKEN to a valid token).");
                }
                return ExitCodes.REFUSED;
            }
            case ServerUnreachable unreachable -> {
                err.println("outlay: " + unreachable.getMessage());
                return ExitCodes.UNREACHABLE;
            }
            case UncheckedIOException io -> {
                err.println("outlay: " + io.getMessage() + ": " + io.getCause().getMessage());
                return ExitCodes.USAGE;
            }
            default -> {
                err.println("outlay: unexpected error: " + e);
                return ExitCodes.USAGE;
            }
        }
    }

    /** Makes commands with the {@link Session} when they take one, else as picocli would. */
    private record Factory(Session session) implements IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(Session.class);
                constructor.setAccessible(true);
                return constructor.newInstance(session);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
