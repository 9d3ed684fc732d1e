package app.outlay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.outlay.support.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web client end to end: the real server on a random port over a fresh SQLite file, and the browser tests
 * of {@code web/e2e/run.mjs} (playwright-core driving Debian's Chromium) against it, as a child process whose
 * output goes to the test log. Screenshots go to {@code target/e2e-screenshots}, or to the directory named by
 * {@code -Doutlay.screenshots=...} (the ones in {@code docs/screenshots} come from such a run).
 * <p>The browser tests are about the client, not the store: they run on the SQLite pass of the build only.
 */
class WebClientEndToEndTest {
    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    @Test
    void theBrowserTestsPassAgainstARealServer() throws Exception {
        assumeFalse("postgresql".equals(System.getProperty("outlay.test.store")),
                "the browser tests run once, on the SQLite pass");
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            fail("The browser tests need Chromium at " + CHROMIUM + ": apt-get install chromium (or set CHROMIUM)");
        }
        if (!Files.isDirectory(WEB.resolve("node_modules/playwright-core"))) {
            fail("The browser tests need web/node_modules: build the web module first (./mvnw verify builds it)");
        }
        Path screenshots = Path.of(System.getProperty("outlay.screenshots", "target/e2e-screenshots")).toAbsolutePath();

        try (var server = TestServer.start()) {
            // when
            var process = new ProcessBuilder("node", "e2e/run.mjs", server.baseUrl(), screenshots.toString())
                    .directory(WEB.toFile())
                    .redirectErrorStream(true)
                    .start();
            try (var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output.lines().forEach(line -> System.out.println("[e2e] " + line));
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("The browser tests took longer than 5 minutes");
            }

            // then
            assertThat(process.exitValue()).as("exit status of node e2e/run.mjs (its output is above)").isZero();
        } catch (IOException e) {
            fail("Could not run node (the browser tests need node and npm on the PATH): " + e.getMessage());
        }
    }
}
