package app.outlay.cli.config;

import java.util.Objects;

/**
 * What the client remembers between runs. Every part may be null.
 *
 * @param server  the server's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param token   the secret of the personal access token {@code outlay login} created
 * @param tokenId that token's id, so that {@code outlay logout} can revoke it
 * @param ledger  the id of the ledger chosen with {@code outlay ledger use}
 */
public record Settings(String server, String token, String tokenId, String username, String ledger) {

    public static Settings empty() {
        return new Settings(null, null, null, null, null);
    }

    /** Signed in: the ledger choice survives only when it is the same user on the same server. */
    public Settings signedIn(String newServer, String newToken, String newTokenId, String newUsername) {
        boolean sameAccount = Objects.equals(server, newServer) && newUsername.equalsIgnoreCase(Objects.toString(username, ""));
        return new Settings(newServer, newToken, newTokenId, newUsername, sameAccount ? ledger : null);
    }

    /** Signed out: the server and the ledger choice stay for the next login. */
    public Settings signedOut() {
        return new Settings(server, null, null, username, ledger);
    }

    public Settings withLedger(String ledgerId) {
        return new Settings(server, token, tokenId, username, ledgerId);
    }
}
