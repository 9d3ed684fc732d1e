package app.outlay.cli;

import java.io.Console;

/** The terminal the client runs in, if any: whether people are watching, and how to ask them things. */
public interface Terminal {

    /** True when standard input and output are a terminal: tables and colour by default, prompts possible. */
    boolean interactive();

    /** Asks for a line of text; null when there is no terminal or input ended. */
    String readLine(String prompt);

    /** Asks for a secret without echoing it; null when there is no terminal or input ended. */
    char[] readPassword(String prompt);

    /** Whether the terminal shows more than ASCII (for the summary's bars); when there is none, output is UTF-8. */
    default boolean unicode() {
        return true;
    }

    /** No terminal at all: scripts, cron, pipes. */
    static Terminal none() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public String readLine(String prompt) {
                return null;
            }

            @Override
            public char[] readPassword(String prompt) {
                return null;
            }
        };
    }

    /** This process's terminal, through {@link System#console()}. */
    static Terminal system() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return none();
        }
        return new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean unicode() {
                return "UTF-8".equalsIgnoreCase(System.getProperty("stdout.encoding", "UTF-8"));
            }

            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public char[] readPassword(String prompt) {
                return console.readPassword("%s", prompt);
            }
        };
    }

    /**
     * {@code Console.isTerminal()} where it exists (JDK 22+, where a console may stand for redirected streams);
     * before that a console exists only on a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
