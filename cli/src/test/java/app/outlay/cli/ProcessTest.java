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
