package app.outlay.cli.api;

import java.util.ArrayList;
import java.util.List;

/** The server answered with an error (exit code 2): its problem detail, and optionally what it means here. */
public final class ServerRefused extends RuntimeException {
    private final Problem problem;
    private final String explanation;

    public ServerRefused(Problem problem) {
        this(problem, null);
    }

    private ServerRefused(Problem problem, String explanation) {
        super(explanation != null ? explanation : problem.detail());
        this.problem = problem;
        this.explanation = explanation;
    }

    /** The same refusal, told in the words of the command that met it. */
    public ServerRefused explained(String explanation) {
        return new ServerRefused(problem, explanation);
    }

    public int status() {
        return problem.status();
    }

    public Problem problem() {
        return problem;
    }

    /** One line for the whole problem, then one line per bad field. */
    public List<String> lines() {
        var lines = new ArrayList<String>();
        String what = explanation != null ? explanation : problem.detail();
        String title = problem.title() == null || problem.title().isBlank() ? "" : " " + problem.title();
        lines.add(what + " (" + problem.status() + title + ")");
        problem.errors().forEach(error -> lines.add("  " + error));
        return lines;
    }
}
