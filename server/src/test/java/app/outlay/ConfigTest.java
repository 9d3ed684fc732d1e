package app.outlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code outlay-server}'s flags and {@code OUTLAY_*} variables, as an administrator writes them. */
class ConfigTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void withNothingGivenTheServerListensLocallyOnPort8080() {
        // when
        Config config = parse(Map.of());

        // then
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.db()).endsWith(Path.of("outlay", "outlay.db").toString());
        assertThat(config.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(config.openRegistration()).isFalse();
        assertThat(config.accessLog()).isTrue();
        assertThat(config.maxBodyBytes()).isEqualTo(16L << 20);
        assertThat(config.sessionIdle()).isEqualTo(Duration.ofDays(7));
        assertThat(config.sessionLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(config.tls()).isFalse();
    }

    @Test
    void theEnvironmentSetsEveryOptionAndFlagsWinOverIt() {
        // given
        var env = Map.of("OUTLAY_PORT", "9000", "OUTLAY_DB", "/srv/outlay.db", "OUTLAY_CURRENCY", "chf",
                "OUTLAY_OPEN_REGISTRATION", "true", "OUTLAY_ACCESS_LOG", "false", "OUTLAY_SESSION_IDLE", "12h",
                "OUTLAY_MAX_BODY", "2048");

        // when
        Config fromEnv = parse(env);
        Config flagsOver = parse(env, "--port", "9100", "--db=/tmp/other.db", "--access-log", "--open-registration=false",
                "--session-lifetime", "90m");

        // then
        assertThat(fromEnv.port()).isEqualTo(9000);
        assertThat(fromEnv.db()).isEqualTo("/srv/outlay.db");
        assertThat(fromEnv.currency()).isEqualTo(Currency.getInstance("CHF"));
        assertThat(fromEnv.openRegistration()).isTrue();
        assertThat(fromEnv.accessLog()).isFalse();
        assertThat(fromEnv.sessionIdle()).isEqualTo(Duration.ofHours(12));
        assertThat(fromEnv.maxBodyBytes()).isEqualTo(2048);
        assertThat(flagsOver.port()).isEqualTo(9100);
        assertThat(flagsOver.db()).isEqualTo("/tmp/other.db");
        assertThat(flagsOver.accessLog()).isTrue();
        assertThat(flagsOver.openRegistration()).isFalse();
        assertThat(flagsOver.sessionLifetime()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void aBadValueIsAUsageErrorThatNamesTheOption() {
        assertThat(run(Map.of(), "--port", "eighty")).isEqualTo(2);
        assertThat(run(Map.of(), "--port", "70000")).isEqualTo(2);
        assertThat(run(Map.of("OUTLAY_SESSION_IDLE", "a week"))).isEqualTo(2);
        assertThat(run(Map.of(), "--currency", "EURO")).isEqualTo(2);
        assertThat(run(Map.of(), "--tls-cert", "cert.pem")).isEqualTo(2);
        assertThat(run(Map.of(), "--bogus")).isEqualTo(2);

        assertThat(err.toString())
                .contains("Invalid value for option '--port': 'eighty' is not an int")
                .contains("--port must be 0..65535")
                .contains("--session-idle: not a duration such as 30m, 12h or 7d: a week")
                .contains("--currency: not an ISO 4217 code: EURO")
                .contains("--tls-cert and --tls-key go together")
                .contains("Unknown option: '--bogus'");
    }

    @Test
    void helpListsTheOptionsWithTheirVariablesAndTheCommands() {
        // when
        int exit = run(Map.of(), "--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString())
                .startsWith("Usage: outlay-server [-hV]")
                .contains("--port=PORT        TCP port (env OUTLAY_PORT, default 8080)")
                .contains("--open-registration[=BOOLEAN]")
                .contains("-V, --version")
                .containsPattern("(?m)^  user +Manage accounts")
                .containsPattern("(?m)^  backup +Copy the whole SQLite database");
        assertThat(run(Map.of(), "user", "add", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: outlay-server user add [-hV] [--admin]").contains("--db=FILE|URL");
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString()).contains("outlay-server 0.1");
    }

    private Config parse(Map<String, String> env, String... args) {
        var options = new Config.Options();
        assertThat(Config.commandLine(options, env).setErr(new PrintWriter(err, true)).execute(args)).as(err.toString()).isZero();
        return options.config;
    }

    private int run(Map<String, String> env, String... args) {
        return Config.commandLine(new Config.Options(), env)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
