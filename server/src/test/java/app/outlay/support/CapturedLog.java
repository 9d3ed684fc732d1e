package app.outlay.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Everything logged during each test, with Outlay's own loggers down to the given level. Register it with
 * {@code @RegisterExtension final CapturedLog log = new CapturedLog(Level.DEBUG);}.
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {
    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Level outlayLevel;
    private ListAppender<ILoggingEvent> captured;
    private Level previousLevel;

    public CapturedLog(Level outlayLevel) {
        this.outlayLevel = outlayLevel;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        captured = new ListAppender<>();
        captured.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        previousLevel = logging.getLogger("app.outlay").getLevel();
        logging.getLogger("app.outlay").setLevel(outlayLevel);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logging.getLogger("app.outlay").setLevel(previousLevel);
        logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
    }

    /** What was logged so far in this test. */
    public List<ILoggingEvent> events() {
        return List.copyOf(captured.list);
    }
}
