package app.outlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionTest {

    @Test
    void aServerWithoutSchemeIsHttpAndLosesItsTrailingSlash() {
        assertThat(Session.parseServer("localhost:8080/")).hasToString("http://localhost:8080");
        assertThat(Session.parseServer(" https://example.org/outlay/ ")).hasToString("https://example.org/outlay");
    }

    @Test
    void onlyHttpAndHttpsServersAreAccepted() {
        assertThatThrownBy(() -> Session.parseServer("ftp://example.org")).isInstanceOf(UsageError.class)
                .hasMessageContaining("Not a server URL: ftp://example.org");
        assertThatThrownBy(() -> Session.parseServer("http://exa mple.org")).isInstanceOf(UsageError.class);
        assertThatThrownBy(() -> Session.parseServer("http://example.org/?q=1")).isInstanceOf(UsageError.class);
    }
}
