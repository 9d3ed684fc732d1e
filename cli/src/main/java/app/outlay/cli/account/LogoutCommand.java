package app.outlay.cli.account;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ServerRefused;
import app.outlay.cli.config.Settings;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code outlay logout}: revokes the stored token on the server, then forgets it. */
@Command(name = "logout",
        header = "Revoke the stored token and forget it.",
        description = "Sign out: revokes the stored token on the server and removes it from the settings "
                + "file. If the server cannot be reached, the token is kept so that you can try again.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay logout"})
public final class LogoutCommand implements Callable<Integer> {
    private final Session session;

    LogoutCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Settings settings = session.settings();
        boolean envToken = session.context().env().get("OUTLAY_TOKEN") != null;
        if (settings.token() == null) {
            session.messages().println("Not logged in." + (envToken ? " (OUTLAY_TOKEN is set: unset it to stop using it.)" : ""));
            return ExitCodes.OK;
        }
        URI server = settings.server() != null ? Session.parseServer(settings.server()) : Session.DEFAULT_SERVER;
        if (settings.tokenId() == null) {
            session.messages().println("The settings name no token id, so the token could not be revoked on the server.");
        } else {
            try {
                session.api(server, settings.token()).revokeToken(settings.tokenId());
            } catch (ServerRefused e) {
                if (e.status() != 401 && e.status() != 404) {
                    throw e;
                } // else it was revoked already
            }
        }
        session.configFile().write(settings.signedOut());
        session.messages().println("Logged out of " + server + "." + (envToken ? " OUTLAY_TOKEN is still set." : ""));
        return ExitCodes.OK;
    }
}
