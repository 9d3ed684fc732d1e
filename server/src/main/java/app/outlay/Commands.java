package app.outlay;

import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * The parts of the server's command line, built with picocli's model in code rather than read from annotations:
 * reading them (reflection, and a proxy class per annotation type made while the JVM is still cold) took ~0.1 s
 * of every start.
 */
final class Commands {
    private Commands() {}

    /** A command that runs {@code action} (a {@code Callable<Integer>}, or null for one with subcommands only). */
    static CommandSpec command(String name, Object action, List<? extends ArgSpec> args, String... description) {
        var command = action == null ? CommandSpec.create() : CommandSpec.wrapWithoutInspection(action);
        command.name(name).usageMessage().description(description).sortOptions(false);
        for (ArgSpec arg : args) {
            if (arg instanceof OptionSpec option) {
                command.addOption(option);
            } else {
                command.addPositional((PositionalParamSpec) arg);
            }
        }
        command.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        command.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return command;
    }

    /** {@code --name=LABEL}; {@code ${DEFAULT-VALUE}} in the description shows the default. */
    static OptionSpec option(String name, String label, Class<?> type, String defaultValue, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).defaultValue(defaultValue).description(description).build();
    }

    /** As {@link #option}, and also accepted after a subcommand ({@code user add --db FILE NAME}). */
    static OptionSpec inherited(String name, String label, String defaultValue, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).defaultValue(defaultValue)
                .scopeType(ScopeType.INHERIT).description(description).build();
    }

    /** {@code --name} alone means true; {@code --name=false} also works (so the environment can say either). */
    static OptionSpec flag(String name, String defaultValue, String description) {
        return OptionSpec.builder(name).paramLabel("BOOLEAN").type(boolean.class).arity("0..1").fallbackValue("true")
                .defaultValue(defaultValue).description(description).build();
    }

    /** A flag that is false unless given: {@code --admin}. */
    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).defaultValue("false").description(description).build();
    }

    /** A required positional parameter. */
    static PositionalParamSpec parameter(String label, Class<?> type, String description) {
        return PositionalParamSpec.builder().paramLabel(label).type(type).arity("1").required(true).description(description).build();
    }
}
