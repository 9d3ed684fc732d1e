package app.outlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HelpTest {
    @TempDir
    Path home;

    @Test
    void everyCommandHasHelpWithExamplesAndTheExitCodes() {
        for (List<String> command : commands()) {
            // when
            var args = new ArrayList<>(command);
            args.add("--help");
            Run help = Outlay.at(home).run(args.toArray(String[]::new));

            // then
            assertThat(help.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(help.err()).isEmpty();
            assertThat(help.out()).as(String.join(" ", command))
                    .contains("Usage: outlay " + String.join(" ", command))
                    .containsPattern("Examples:\n  .*outlay")
                    .contains("Exit codes:\n  0   success\n  1   usage error")
                    .contains("2   the server refused")
                    .contains("3   cannot reach the server")
                    .contains("--ledger=NAME|ID")
                    .contains("-o, --output=FORMAT");
        }
    }

    @Test
    void theMainHelpListsEveryCommandAndTheSettings() {
        // when
        Run help = Outlay.at(home).run("--help");

        // then
        assertThat(help.out()).contains("login", "logout", "whoami", "add", "list", "show", "edit", "rm", "watch", "summary",
                "types", "export", "import", "imports", "ledger", "completion").contains("OUTLAY_SERVER").contains("OUTLAY_TOKEN")
                .contains("NO_COLOR").contains("~/.config/outlay/config");
        assertThat(commands()).hasSize(25);
    }

    @Test
    void helpForACommandIsItsUsage() {
        assertThat(Outlay.at(home).run("help", "list").out()).isEqualTo(Outlay.at(home).run("list", "--help").out());
    }

    @Test
    void theVersionIsShown() {
        assertThat(Outlay.at(home).run("--version").out()).startsWith("outlay ");
    }

    @Test
    void theCompletionScriptCoversEveryCommand() {
        // when
        Run completion = Outlay.at(home).run("completion");

        // then
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_outlay")
                .contains("login logout whoami add list show edit rm watch summary types export import imports ledger completion help")
                .contains("(\"-date\" \"date\" \"-amount\" \"amount\") # --sort values");
    }

    /** Every command and subcommand, as the words that call it ({@code ledger use}). */
    private static List<List<String>> commands() {
        var context = new Context(Map.of(), new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()), InputStream.nullInputStream(), Terminal.none(),
                Clock.systemUTC(), Context::httpClient);
        var found = new ArrayList<List<String>>();
        collect(Cli.commandLine(context), List.of(), found);
        return found;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> found) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            var words = new ArrayList<>(path);
            words.add(sub.getKey());
            found.add(words);
            collect(sub.getValue(), words, found);
        }
    }
}
