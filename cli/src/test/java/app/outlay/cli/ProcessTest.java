package app.outlay.cli;

import static app.outlay.cli.support.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real program in a process of its own, with real standard streams, environment and exit code. */
class ProcessTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    @Test
    void theProgramPrintsItsHelpAndExitsWithZero() throws Exception {
        // when
        Run help = outlay(Map.of(), "", "--help");

        // then
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("The command-line client of Outlay").contains("Exit codes:");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void theProgramLogsInFromStandardInputThenAddsAndLists() throws Exception {
        // given
        var alice = server.user();
        String ledger = alice.newLedger();

        // when
        Run login = outlay(Map.of(), PASSWORD + "\n", "login", "--server", server.baseUrl(),
                "--username", alice.username(), "--password-stdin");
        Run add = outlay(Map.of(), "", "add", "2023-11-11", "food", "-10.00", "hamburger", "and", "fries", "--ledger", ledger);
        Run list = outlay(Map.of(), "", "list", "--ledger", ledger);

        // then
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.err()).contains("Logged in to " + server.baseUrl());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".config/outlay/config"))))
                .isEqualTo("rw-------");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(list.out()).matches("id,date,type,amount,description\r\n\\w+,2023-11-11,food,-10.00,hamburger and fries\r\n");
        assertThat(list.err()).isEmpty();
    }

    @Test
    void theProgramExitsWithThreeWhenTheServerCannotBeReached() throws Exception {
        // given
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        // when
        Run run = outlay(Map.of("OUTLAY_SERVER", "http://127.0.0.1:" + port, "OUTLAY_TOKEN", "olt_x"), "", "types");

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Cannot reach the server at http://127.0.0.1:" + port);
    }

    @Test
    void theProgramExitsWithOneOnAUsageErrorAndTwoWhenRefused() throws Exception {
        // given
        var env = Map.of("OUTLAY_SERVER", server.baseUrl(), "OUTLAY_TOKEN", server.user().token());

        // when
        Run usage = outlay(env, "", "add", "food");
        Run refused = outlay(env, "", "add", "food", "-1.001");

        // then
        assertThat(usage.exitCode()).isEqualTo(1);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("  amount: must have at most 2 decimal places for EUR");
    }

    @Test
    void watchPrintsEachChangeAtOnceAndCtrlCEndsItWithZero() throws Exception {
        // given
        var alice = server.user();
        String ledger = alice.newLedger();
        Process process = start(Map.of("OUTLAY_SERVER", server.baseUrl(), "OUTLAY_TOKEN", alice.token()),
                "watch", "--ledger", ledger);
        var out = new StringBuffer();
        var err = new StringBuffer();
        Thread.ofVirtual().start(() -> copy(process.getInputStream(), out));
        Thread.ofVirtual().start(() -> copy(process.getErrorStream(), err));
        try {
            awaitText(err, "(Ctrl-C to stop)", out);
            Assumptions.assumeFalse(ignoresCtrlC(process), "this test runs where Ctrl-C (SIGINT) is ignored");

            // when
            String id = alice.addExpense(ledger, "2023-11-11", "food", "-10.00", "hamburger");
            awaitText(out, "hamburger", err); // at once, though standard output is a pipe
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();

            // then
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("ended").isTrue();
            assertThat(process.exitValue()).as(err.toString()).isZero();
            assertThat(out.toString()).isEqualTo("event,id,date,type,amount,description\r\n"
                    + "created," + id + ",2023-11-11,food,-10.00,hamburger\r\n");
        } finally {
            process.destroyForcibly();
        }
    }

    private static void awaitText(StringBuffer text, String expected, StringBuffer other) throws InterruptedException {
        for (int i = 0; i < 1500 && !text.toString().contains(expected); i++) {
            Thread.sleep(20);
        }
        assertThat(text.toString()).as("other stream: " + other).contains(expected);
    }

    /** Whether the process ignores SIGINT, as a background job of a shell without job control does (Linux only). */
    private static boolean ignoresCtrlC(Process process) throws IOException {
        Path status = Path.of("/proc/" + process.pid() + "/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseLong(line.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> (mask & 2) != 0); // bit 2 - 1: SIGINT
    }

    private static void copy(java.io.InputStream stream, StringBuffer into) {
        try (var reader = new java.io.InputStreamReader(stream, StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                into.append(buffer, 0, read);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Starts {@code java app.outlay.cli.Main ARGS} on the test classpath, with only the environment given. */
    private Process start(Map<String, String> env, String... args) throws IOException {
        var command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", classpath(), Main.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs {@code java app.outlay.cli.Main ARGS} on the test classpath, with only the environment given. */
    private Run outlay(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", classpath(), Main.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        var out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        var err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (var input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("outlay " + String.join(" ", args) + " did not finish");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Surefire runs tests from a manifest-only jar; it names the real test classpath in this property. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
