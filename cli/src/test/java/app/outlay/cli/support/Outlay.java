package app.outlay.cli.support;

import app.outlay.cli.Cli;
import app.outlay.cli.Context;
import app.outlay.cli.Terminal;
import app.outlay.cli.config.ConfigFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs the CLI in-process, through picocli, as a user would from a shell: with its own environment (nothing is
 * inherited from the test JVM's), its settings under a temporary directory, and captured output.
 */
public final class Outlay {
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private Terminal terminal = Terminal.none();
    private Supplier<HttpClient> http = Context::httpClient;
    private int stdoutLimit = Integer.MAX_VALUE;

    private Outlay(Path home) {
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    }

    /** A CLI whose home (and settings) are in {@code home}, signed in to nothing. */
    public static Outlay at(Path home) {
        return new Outlay(home);
    }

    /** Signed in through {@code OUTLAY_SERVER} and {@code OUTLAY_TOKEN}, as scripts do. */
    public static Outlay as(TestServer.Account account, TestServer server, Path home) {
        return at(home).env("OUTLAY_SERVER", server.baseUrl()).env("OUTLAY_TOKEN", account.token());
    }

    /** Working in {@code ledgerId} by default, as after {@code outlay ledger use}. */
    public Outlay inLedger(String ledgerId) {
        ConfigFile.in(env).write(ConfigFile.in(env).read().withLedger(ledgerId));
        return this;
    }

    public Outlay env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public Outlay stdin(String text) {
        stdin = text;
        return this;
    }

    public Outlay terminal(Terminal newTerminal) {
        terminal = newTerminal;
        return this;
    }

    public Outlay http(Supplier<HttpClient> client) {
        http = client;
        return this;
    }

    /** Standard output that breaks after {@code bytes}, as a pipe does when its reader quits ({@code | head}). */
    public Outlay stdoutClosedAfter(int bytes) {
        stdoutLimit = bytes;
        return this;
    }

    public Path settingsFile() {
        return Path.of(env.get("XDG_CONFIG_HOME"), "outlay", "config");
    }

    public Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var context = new Context(Map.copyOf(env), new PrintStream(limited(out), false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, Clock.systemDefaultZone(), http);
        int exitCode = Cli.run(args, context);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Starts a command that goes on ({@code watch}) in a thread of its own: its output can be read while it runs, and
     * {@link Background#interrupt} stops it as Ctrl-C does.
     */
    public Background start(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var context = new Context(Map.copyOf(env), new PrintStream(limited(out), false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, Clock.systemDefaultZone(), http);
        var exitCode = new CompletableFuture<Integer>();
        var thread = new Thread(() -> exitCode.complete(Cli.run(args, context)), "outlay " + String.join(" ", args));
        thread.setDaemon(true);
        thread.start();
        return new Background(thread, exitCode, out, err);
    }

    /** A command running in a thread of its own. */
    public static final class Background {
        private static final Duration PATIENCE = Duration.ofSeconds(30);
        private final Thread thread;
        private final CompletableFuture<Integer> exitCode;
        private final ByteArrayOutputStream out;
        private final ByteArrayOutputStream err;

        private Background(Thread thread, CompletableFuture<Integer> exitCode, ByteArrayOutputStream out,
                           ByteArrayOutputStream err) {
            this.thread = thread;
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }

        /** Standard output so far. */
        public String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        /** Standard error so far. */
        public String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** Waits until standard output is as {@code expected} says (else fails after 30 s); returns it. */
        public String awaitOut(Predicate<String> expected) {
            return await(this::out, expected, "standard output");
        }

        /** Waits until standard error is as {@code expected} says (else fails after 30 s); returns it. */
        public String awaitErr(Predicate<String> expected) {
            return await(this::err, expected, "standard error");
        }

        /** Interrupts the command, as Ctrl-C does, and waits for it to end. */
        public Run interrupt() {
            thread.interrupt();
            return await();
        }

        /** Waits for the command to end by itself. */
        public Run await() {
            try {
                int code = exitCode.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                return new Run(code, out(), err());
            } catch (TimeoutException e) {
                thread.interrupt();
                throw new AssertionError("The command did not end; output so far:\n" + out() + "--- stderr:\n" + err());
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        private String await(Supplier<String> text, Predicate<String> expected, String what) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                String now = text.get();
                if (expected.test(now)) {
                    return now;
                }
                if (exitCode.isDone()) {
                    throw new AssertionError("The command ended (exit " + exitCode.join() + ") before its " + what
                            + " was as expected:\n" + out() + "--- stderr:\n" + err());
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("Waited 30 s for " + what + "; it is:\n" + text.get() + "\n--- stdout:\n" + out()
                    + "--- stderr:\n" + err());
        }
    }

    private OutputStream limited(ByteArrayOutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (out.size() >= stdoutLimit) {
                    throw new IOException("Broken pipe");
                }
                out.write(b);
            }
        };
    }
}
