package app.outlay.ledger;

import static app.outlay.support.ProblemAssertions.assertProblem;
import static app.outlay.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A household shares a ledger: owners manage members, editors write, viewers read. */
class MemberApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member owner;
    private static Member ann;
    private static Member bob;
    private static Member stranger;

    /** A fresh ledger of the owner's, for each test. */
    private String ledger;

    @BeforeAll
    static void start() {
        owner = server.newUser("owner");
        ann = server.newUser("ann");
        bob = server.newUser("bob");
        stranger = server.newUser("stranger");
    }

    @BeforeEach
    void ownersLedger() {
        var created = owner.api().post("/api/v1/ledgers", Fixtures.ledger("Household", "EUR"));
        assertThat(created.status()).isEqualTo(201);
        ledger = "/api/v1/ledgers/" + created.text("id");
    }

    @Test
    void anOwnerAddsAViewerWhoReadsButCannotWrite() {
        // when
        var added = owner.api().put(member("ann"), Map.of("role", "viewer"));

        // then
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(added.json()).isEqualTo(json(Map.of("username", "ann", "role", "viewer")));
        assertThat(roleIn(ann.api().get("/api/v1/ledgers").json())).isEqualTo("viewer");
        assertThat(ann.api().get(ledger + "/expenses").status()).isEqualTo(200);
        assertThat(ann.api().get(ledger + "/summary").status()).isEqualTo(200);
        assertProblem(ann.api().post(ledger + "/expenses", Fixtures.expense()), 403);
        assertProblem(ann.api().patch(ledger, Map.of("name", "Mine now")), 403);
        assertProblem(ann.api().put(member("bob"), Map.of("role", "viewer")), 403);
        var members = ann.api().get(ledger + "/members");
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.json()).isEqualTo(json(List.of(
                Map.of("username", "ann", "role", "viewer"), Map.of("username", "owner", "role", "owner"))));
    }

    @Test
    void eachExpenseNamesTheMembersWhoEnteredAndLastChangedIt() {
        // given ann, first a viewer, then an editor
        owner.api().put(member("ann"), Map.of("role", "viewer"));
        var promoted = owner.api().put(member("ANN"), Map.of("role", "editor"));

        // when ann enters an expense and the owner corrects it
        var entered = ann.api().post(ledger + "/expenses", Fixtures.expense());
        var corrected = owner.api().patch(ledger + "/expenses/" + entered.text("id"), Map.of("amount", "-12.00"));

        // then
        assertThat(promoted.status()).as("%s", promoted).isEqualTo(200);
        assertThat(promoted.text("username")).isEqualTo("ann");
        assertThat(promoted.text("role")).isEqualTo("editor");
        assertThat(entered.status()).as("%s", entered).isEqualTo(201);
        assertThat(entered.text("createdBy")).isEqualTo("ann");
        assertThat(corrected.text("createdBy")).isEqualTo("ann");
        assertThat(corrected.text("updatedBy")).isEqualTo("owner");
        var listed = ann.api().get(ledger + "/expenses").json().path("items").get(0);
        assertThat(listed.path("createdBy").asText()).isEqualTo("ann");
        assertThat(listed.path("updatedBy").asText()).isEqualTo("owner");
    }

    @Test
    void theOnlyOwnerCanNeitherStepDownNorLeave() {
        // when
        var stepDown = owner.api().put(member("owner"), Map.of("role", "editor"));
        var leave = owner.api().delete(member("owner"));

        // then
        assertProblem(stepDown, 409);
        assertProblem(leave, 409);
        assertThat(roleOf(owner.api().get(ledger + "/members").json(), "owner")).isEqualTo("owner");
    }

    @Test
    void withASecondOwnerTheFirstMayStepDownAndLeave() {
        // given
        assertThat(owner.api().put(member("bob"), Map.of("role", "owner")).status()).isEqualTo(201);

        // when
        var stepDown = owner.api().put(member("owner"), Map.of("role", "viewer"));
        var leave = owner.api().delete(member("owner"));

        // then
        assertThat(stepDown.status()).as("%s", stepDown).isEqualTo(200);
        assertThat(leave.status()).as("%s", leave).isEqualTo(204);
        assertProblem(owner.api().get(ledger), 404);
        assertProblem(bob.api().delete(member("bob")), 409);
        assertThat(bob.api().get(ledger + "/members").json())
                .isEqualTo(json(List.of(Map.of("username", "bob", "role", "owner"))));
    }

    @Test
    void aMemberMayLeaveButOnlyAnOwnerRemovesOthers() {
        // given
        owner.api().put(member("ann"), Map.of("role", "editor"));
        owner.api().put(member("bob"), Map.of("role", "viewer"));

        // when
        var annRemovesBob = ann.api().delete(member("bob"));
        var bobLeaves = bob.api().delete(member("bob"));
        var ownerRemovesAnn = owner.api().delete(member("ann"));

        // then
        assertProblem(annRemovesBob, 403);
        assertThat(bobLeaves.status()).as("%s", bobLeaves).isEqualTo(204);
        assertThat(ownerRemovesAnn.status()).as("%s", ownerRemovesAnn).isEqualTo(204);
        assertProblem(bob.api().get(ledger + "/expenses"), 404);
        assertProblem(ann.api().get(ledger), 404);
        assertThat(owner.api().get(ledger + "/members").json()).hasSize(1);
    }

    @Test
    void unknownUsersNonMembersAndBadRolesAreRefused() {
        // when
        var unknownUser = owner.api().put(member("nobody-at-all"), Map.of("role", "viewer"));
        var notAMember = owner.api().delete(member("bob"));
        var badRole = owner.api().put(member("bob"), Map.of("role", "admin"));
        var noRole = owner.api().put(member("bob"), Map.of());
        var strangerLists = stranger.api().get(ledger + "/members");
        var strangerJoins = stranger.api().put(member("stranger"), Map.of("role", "owner"));

        // then
        assertProblem(unknownUser, 404);
        assertProblem(notAMember, 404);
        assertProblem(badRole, 422);
        assertThat(errorFields(badRole)).containsExactly("role");
        assertProblem(noRole, 422);
        assertProblem(strangerLists, 404);
        assertProblem(strangerJoins, 404);
        assertThat(owner.api().get(ledger + "/members").json()).hasSize(1);
    }

    private String member(String username) {
        return ledger + "/members/" + username;
    }

    private String roleIn(JsonNode ledgers) {
        String id = ledger.substring(ledger.lastIndexOf('/') + 1);
        return StreamSupport.stream(ledgers.spliterator(), false)
                .filter(l -> l.path("id").asText().equals(id))
                .map(l -> l.path("role").asText())
                .findFirst()
                .orElse(null);
    }

    private static String roleOf(JsonNode members, String username) {
        return StreamSupport.stream(members.spliterator(), false)
                .filter(m -> m.path("username").asText().equals(username))
                .map(m -> m.path("role").asText())
                .findFirst()
                .orElse(null);
    }

    private static JsonNode json(Object value) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value);
    }
}
