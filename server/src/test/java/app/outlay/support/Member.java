package app.outlay.support;

/** A signed-in user of a test server, with their bearer token and the ledger they got at registration. */
public record Member(String id, String username, Api api, String ledgerId, String token) {

    /** The path of the user's first ledger, e.g. {@code /api/v1/ledgers/1}. */
    public String ledger() {
        return "/api/v1/ledgers/" + ledgerId;
    }

    public String expenses() {
        return ledger() + "/expenses";
    }
}
