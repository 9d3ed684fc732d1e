package app.outlay.cli.support;

/** What one run of the CLI did: its exit code, and what it wrote to standard output and standard error. */
public record Run(int exitCode, String out, String err) {

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
