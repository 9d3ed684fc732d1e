package app.outlay;

import app.outlay.db.Backup;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code outlay-server backup FILE}: a consistent copy of the whole SQLite database of {@code --db}, taken while the
 * server runs and writes. For PostgreSQL it names the tool to use instead, {@code pg_dump}.
 */
final class BackupCommand implements Callable<Integer> {
    private final Config.Options server;
    private final PositionalParamSpec file = Commands.parameter("FILE", Path.class, "The new file to write the copy to");
    final CommandSpec command = Commands.command("backup", this, List.of(file),
            "Copy the whole SQLite database (--db or OUTLAY_DB) to FILE as it is at one moment, "
                    + "while the server runs and writes. FILE must not exist yet.",
            "To restore, stop the server and put FILE in place of the database, or start the server with --db FILE.",
            "PostgreSQL is backed up with pg_dump.");

    BackupCommand(Config.Options server) {
        this.server = server;
    }

    @Override
    public Integer call() {
        Path copy = file.getValue();
        try {
            long bytes = Backup.copy(server.database(), copy);
            command.commandLine().getOut().printf("Backed up the database to %s (%,d bytes).%n", copy, bytes);
            return 0;
        } catch (Backup.Refused e) {
            command.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}
