package app.outlay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The installed server logs Outlay's start-up line and the libraries' warnings, to standard error. */
class LogSetupTest {
    @Test
    void outlaySpeaksAtInfoLibrariesOnlyWhenSomethingIsWrong() {
        // given
        var logging = new LoggerContext();
        String chosenFile = System.clearProperty("logback.configurationFile"); // the tests' own file, set by the build
        try {
            // when
            var status = new LogSetup().configure(logging);

            // then
            assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            assertThat(logging.getLogger("app.outlay.App").getEffectiveLevel()).isEqualTo(Level.INFO);
            assertThat(logging.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
            var appender = logging.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
            assertThat(appender).isInstanceOf(ConsoleAppender.class);
            assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
        } finally {
            if (chosenFile != null) {
                System.setProperty("logback.configurationFile", chosenFile);
            }
            logging.stop();
        }
    }

    @Test
    void aLogbackFileNamedOnTheCommandLineWins() {
        // given: the build names the tests' file, as -Dlogback.configurationFile=... would
        assertThat(System.getProperty("logback.configurationFile")).isNotNull();
        var logging = new LoggerContext();

        // when
        var status = new LogSetup().configure(logging);

        // then
        assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(logging.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        logging.stop();
    }
}
