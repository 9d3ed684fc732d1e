package app.outlay;

import app.outlay.db.Backup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code outlay-server backup FILE}: a consistent copy of the whole SQLite database of {@code --db}, taken while the
 * server runs and writes. For PostgreSQL it names the tool to use instead, {@code pg_dump}.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the whole SQLite database (--db or OUTLAY_DB) to FILE as it is at one moment, "
                + "while the server runs and writes. FILE must not exist yet.",
                "To restore, stop the server and put FILE in place of the database, or start the server with --db FILE.",
                "PostgreSQL is backed up with pg_dump."})
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    Config.Options server;

    @Parameters(paramLabel = "FILE", description = "The new file to write the copy to")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            long bytes = Backup.copy(server.database(), file);
            spec.commandLine().getOut().printf("Backed up the database to %s (%,d bytes).%n", file, bytes);
            return 0;
        } catch (Backup.Refused e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}
