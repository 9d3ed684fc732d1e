package app.outlay.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code outlay completion}: the shell completion script picocli generates from the commands themselves. */
@Command(name = "completion",
        header = "Print the shell completion script.",
        description = "Print a completion script for bash and zsh (commands, options and their values).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(outlay completion)                     (this shell only)",
            "  outlay completion > ~/.local/share/bash-completion/completions/outlay",
            "  zsh: autoload -U +X bashcompinit && bashcompinit && source <(outlay completion)"})
final class CompletionCommand implements Callable<Integer> {
    private final Session session;

    @Spec
    CommandSpec spec;

    CompletionCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.context().out().print(AutoComplete.bash("outlay", spec.root().commandLine()));
        return ExitCodes.OK;
    }
}
