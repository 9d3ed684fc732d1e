package app.outlay.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.CapturedLog;
import app.outlay.support.Fixtures;
import app.outlay.support.TestServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A realistic run of accounts, tokens and sessions, with everything the server logs captured (Outlay's own
 * loggers at every level, libraries as configured): no password, token or session id may appear in it.
 */
class NoSecretsInLogsTest {
    @RegisterExtension
    final CapturedLog log = new CapturedLog(Level.TRACE);
    /** Every secret the run uses or is given. */
    private final List<String> secrets = new ArrayList<>();

    @Test
    void aRunOfSignInsTokensSessionsAndPasswordChangesLogsNoSecret() {
        try (var server = TestServer.start()) {
            // given an admin and a user
            String adminPassword = secret("admin's own passphrase");
            String bobPassword = secret("bob's first passphrase");
            Api anonymous = server.anonymous();
            anonymous.post("/api/v1/users", Fixtures.credentials("admin", adminPassword));
            Api admin = anonymous.withToken(token(anonymous.post("/api/v1/tokens", Fixtures.tokenRequest("admin", adminPassword, "t"))));
            admin.post("/api/v1/users", Fixtures.credentials("bob", bobPassword));

            // when bob and others sign in right and wrong, with tokens and sessions, and passwords change
            anonymous.post("/api/v1/tokens", Fixtures.tokenRequest("bob", secret("bob's wrong guess"), "t"));
            anonymous.post("/api/v1/sessions", Fixtures.credentials("nobody", secret("a stranger's guess")));
            anonymous.post("/api/v1/sessions", Fixtures.credentials(secret("password typed as a username"), bobPassword));
            anonymous.send("POST", "/api/v1/sessions", "{\"username\": \"bob\", \"password\": \"" + secret("cut off mid-body"), "application/json");
            var issued = anonymous.post("/api/v1/tokens", Fixtures.tokenRequest("bob", bobPassword, "laptop"));
            Api bobToken = anonymous.withToken(token(issued));
            bobToken.get("/api/v1/ledgers");
            bobToken.delete("/api/v1/tokens/" + issued.text("id"));
            bobToken.get("/api/v1/me");
            anonymous.withToken(secret("olt_" + "x".repeat(43))).get("/api/v1/me");
            Api browser = session(anonymous, "bob", bobPassword);
            browser.get("/api/v1/me");
            browser.withHeader("Sec-Fetch-Site", "cross-site").post("/api/v1/ledgers", Fixtures.ledger("Evil", "EUR"));
            String bobsNewPassword = secret("bob's second passphrase");
            browser.withHeader("Sec-Fetch-Site", "same-origin").put("/api/v1/me/password",
                    Map.of("currentPassword", secret("not bob's password"), "newPassword", bobsNewPassword));
            browser.withHeader("Sec-Fetch-Site", "same-origin").put("/api/v1/me/password",
                    Map.of("currentPassword", bobPassword, "newPassword", bobsNewPassword));
            browser.withHeader("Sec-Fetch-Site", "same-origin").delete("/api/v1/sessions/current");
            browser.get("/api/v1/me");
            admin.put("/api/v1/users/bob/password", Map.of("password", secret("bob's third passphrase")));
            Api attacker = anonymous.fromAddress("127.0.0.9");
            for (int i = 0; i < 11; i++) {
                attacker.post("/api/v1/sessions", Fixtures.credentials("bob", secret("attacker's guess " + i)));
            }
        }

        // then
        List<String> lines = log.events().stream().map(NoSecretsInLogsTest::render).toList();
        assertThat(lines).as("the capture works").anySatisfy(line -> assertThat(line).contains("Failed sign-in from 127.0.0.1"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("bob signed in from 127.0.0.1 (browser session)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("bob changed their password"));
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }

    private String secret(String value) {
        secrets.add(value);
        return value;
    }

    private String token(Api.Response issued) {
        return secret(issued.text("token"));
    }

    private Api session(Api anonymous, String username, String password) {
        String cookie = anonymous.post("/api/v1/sessions", Fixtures.credentials(username, password)).header("Set-Cookie");
        String pair = TestServer.cookiePair(cookie);
        secret(pair.substring(pair.indexOf('=') + 1));
        return anonymous.withHeader("Cookie", pair);
    }

    private static String render(ILoggingEvent event) {
        return event.getLoggerName() + " " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
}
