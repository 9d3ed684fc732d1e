package app.outlay.expense;

import static app.outlay.support.Fixtures.expense;
import static app.outlay.support.ProblemAssertions.assertProblem;
import static app.outlay.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.outlay.db.Database;
import app.outlay.support.EventStream;
import app.outlay.support.EventStream.Event;
import app.outlay.support.Member;
import app.outlay.support.TestDatabases;
import app.outlay.support.TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live updates: {@code GET /api/v1/ledgers/{id}/events} as a browser's EventSource follows it. */
class ExpenseEventsApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void aFollowerIsSentEachChangeAsItHappensWithTheExpense() {
        Member alice = server.newUser("eve-alice");
        try (var stream = follow(alice, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

            var created = alice.api().post(alice.expenses(), expense("2024-03-01", "food", "-10.00", "hamburger")).json();
            Event first = stream.next();
            assertThat(first.event()).isEqualTo("expense.created");
            assertThat(server.anonymous().get("/metrics").body()).containsPattern("(?m)^outlay_events_streams [1-9]");
            assertThat(first.data()).isEqualTo(created);

            String path = alice.expenses() + "/" + created.get("id").asText();
            var changed = alice.api().patch(path, Map.of("amount", "-12.50")).json();
            Event second = stream.next();
            assertThat(second.event()).isEqualTo("expense.updated");
            assertThat(second.data()).isEqualTo(changed);
            assertThat(second.data().get("amount").asText()).isEqualTo("-12.50");

            assertThat(alice.api().delete(path).status()).isEqualTo(204);
            Event third = stream.next();
            assertThat(third.event()).isEqualTo("expense.deleted");
            assertThat(third.data().get("id")).isEqualTo(created.get("id"));
            assertThat(third.data().size()).as("only the id").isEqualTo(1);

            assertThat(List.of(first, second, third)).extracting(e -> Long.parseLong(e.id())).isSorted()
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void aChangeThatChangesNothingIsNoEvent() {
        Member bob = server.newUser("eve-bob");
        try (var stream = follow(bob, null)) {
            var created = bob.api().post(bob.expenses(), expense("2024-03-02", "food", "-3.00", "tea")).json();
            stream.next();
            String path = bob.expenses() + "/" + created.get("id").asText();
            assertThat(bob.api().patch(path, Map.of("amount", "-3.00")).status()).isEqualTo(200); // as it was
            bob.api().post(bob.expenses(), expense("2024-03-03", "food", "-4.00", "coffee"));

            Event next = stream.next();
            assertThat(next.event()).isEqualTo("expense.created");
            assertThat(next.data().get("description").asText()).isEqualTo("coffee");
        }
    }

    @Test
    void aBatchIsSentAsOneEventAnExpenseInItsOrder() {
        Member carol = server.newUser("eve-carol");
        try (var stream = follow(carol, null)) {
            var rows = List.of(expense("2024-01-01", "rent", "-900.00", "January"),
                    expense("2024-02-01", "rent", "-900.00", "February"),
                    expense("2024-03-01", "rent", "-900.00", "March"));
            var ids = carol.api().post(carol.expenses() + "/batch", rows).json().get("ids");

            var events = stream.next(3);
            assertThat(events).extracting(Event::event).containsOnly("expense.created");
            assertThat(events).extracting(e -> e.data().get("id")).containsExactly(ids.get(0), ids.get(1), ids.get(2));
            assertThat(events).extracting(e -> e.data().get("description").asText())
                    .containsExactly("January", "February", "March");
        }
    }

    @Test
    void aClientComingBackWithItsLastEventIdIsSentWhatItMissed() {
        Member dan = server.newUser("eve-dan");
        String lastSeen;
        String kept;
        try (var stream = follow(dan, null)) {
            kept = dan.api().post(dan.expenses(), expense("2024-04-01", "food", "-1.00", "bread")).json()
                    .get("id").asText();
            lastSeen = stream.next().id();
        }
        // While away: one more, a change, and one created and deleted again.
        dan.api().post(dan.expenses(), expense("2024-04-02", "food", "-2.00", "milk"));
        dan.api().patch(dan.expenses() + "/" + kept, Map.of("description", "rye bread"));
        String gone = dan.api().post(dan.expenses(), expense("2024-04-03", "food", "-3.00", "cake")).json()
                .get("id").asText();
        dan.api().delete(dan.expenses() + "/" + gone);

        try (var stream = follow(dan, lastSeen)) {
            var missed = stream.next(3);
            assertThat(missed).extracting(Event::event)
                    .containsExactly("expense.created", "expense.updated", "expense.deleted");
            assertThat(missed.get(0).data().get("description").asText()).isEqualTo("milk");
            assertThat(missed.get(1).data().get("description").asText()).isEqualTo("rye bread");
            assertThat(missed.get(2).data().get("id").asText()).isEqualTo(gone);
            assertThat(missed).extracting(e -> Long.parseLong(e.id())).allMatch(id -> id > Long.parseLong(lastSeen));
        }
    }

    @Test
    void onlyTheLedgersChangesAreSent() {
        Member erin = server.newUser("eve-erin");
        String other = erin.api().post("/api/v1/ledgers", Map.of("name", "Holiday", "currency", "EUR")).json()
                .get("id").asText();
        try (var stream = follow(erin, null)) {
            erin.api().post("/api/v1/ledgers/" + other + "/expenses", expense("2024-05-01", "travel", "-80.00", "train"));
            erin.api().post(erin.expenses(), expense("2024-05-02", "food", "-5.00", "lunch"));

            assertThat(stream.next().data().get("description").asText()).isEqualTo("lunch");
        }
    }

    @Test
    void onlyMembersFollowALedgerAndAViewerMay() {
        Member owner = server.newUser("eve-owner");
        Member stranger = server.newUser("eve-stranger");
        Member viewer = server.newUser("eve-viewer");
        owner.api().put(owner.ledger() + "/members/" + viewer.username(), Map.of("role", "viewer"));

        assertProblem(stranger.api().get(owner.ledger() + "/events"), 404);
        assertProblem(server.anonymous().get(owner.ledger() + "/events"), 401);
        try (var stream = follow(viewer, owner.ledger(), null)) {
            owner.api().post(owner.expenses(), expense("2024-06-01", "food", "-6.00", "pizza"));
            assertThat(stream.next().data().get("description").asText()).isEqualTo("pizza");
        }
    }

    @Test
    void aMemberRemovedFromTheLedgerIsSentNothingMore() {
        Member owner = server.newUser("eve-owner2");
        Member guest = server.newUser("eve-guest");
        owner.api().put(owner.ledger() + "/members/" + guest.username(), Map.of("role", "viewer"));
        try (var stream = follow(guest, owner.ledger(), null)) {
            owner.api().post(owner.expenses(), expense("2024-07-01", "food", "-7.00", "before"));
            assertThat(stream.next().data().get("description").asText()).isEqualTo("before");

            assertThat(owner.api().delete(owner.ledger() + "/members/" + guest.username()).status()).isEqualTo(204);
            owner.api().post(owner.expenses(), expense("2024-07-02", "food", "-8.00", "after"));

            assertThat(stream.endsWithin(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void aLastEventIdThatIsNoIdIsABadRequestNamingIt() {
        Member fay = server.newUser("eve-fay");
        var refused = fay.api().withHeader("Last-Event-ID", "yesterday").get(fay.ledger() + "/events");

        assertProblem(refused, 400);
        assertThat(errorFields(refused)).containsExactly("Last-Event-ID");
    }

    @Test
    void aClientWhoseLastEventIdIsNotKnownIsToldToStartOver() {
        Member gus = server.newUser("eve-gus");
        try (var stream = follow(gus, "999999999")) {
            assertThat(stream.next().event()).isEqualTo("reset");
            gus.api().post(gus.expenses(), expense("2024-08-01", "food", "-9.00", "after the reset"));
            assertThat(stream.next().data().get("description").asText()).isEqualTo("after the reset");
        }
    }

    @Test
    void aClientAwayLongerThanEventsAreKeptIsToldToStartOver() {
        try (var own = TestServer.start()) {
            Member hal = own.newUser("eve-hal");
            String lastSeen;
            try (var stream = EventStream.open(own.baseUrl(), hal.ledger() + "/events", hal.token(), null)) {
                hal.api().post(hal.expenses(), expense("2024-09-01", "food", "-1.00", "one"));
                lastSeen = stream.next().id();
            }
            hal.api().post(hal.expenses(), expense("2024-09-02", "food", "-2.00", "two"));
            hal.api().post(hal.expenses(), expense("2024-09-03", "food", "-3.00", "three"));

            // eight days on, the tidying drops what is older than a week but the newest event
            try (var db = Database.open(own.database())) {
                var later = Clock.offset(Clock.systemUTC(), ExpenseEvents.KEPT.plusDays(1));
                assertThat(new ExpenseEvents(db, null, later, new SimpleMeterRegistry()).dropOld()).isEqualTo(2);
            }

            try (var stream = EventStream.open(own.baseUrl(), hal.ledger() + "/events", hal.token(), lastSeen)) {
                assertThat(stream.next().event()).isEqualTo("reset");
                hal.api().post(hal.expenses(), expense("2024-09-04", "food", "-4.00", "four"));
                assertThat(stream.next().data().get("description").asText()).isEqualTo("four");
            }
        }
    }

    @Test
    void aChangeCommittedAfterALaterOneIsStillSentAfterIt() throws Exception {
        assumeTrue(TestDatabases.postgres(), "only where writers run side by side do ids and commits differ in order");
        Member ivy = server.newUser("eve-ivy");
        try (var stream = follow(ivy, null);
             var db = Database.open(server.database());
             Connection first = db.ready().getConnection();
             Connection second = db.ready().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // other types: the running totals of one type and month would have the second wait for the first
            insert(first, ivy.ledgerId(), "food", "first"); // its event draws the lower id
            insert(second, ivy.ledgerId(), "rent", "second");
            second.commit();
            assertThat(stream.next().data().get("description").asText()).isEqualTo("second");

            first.commit();
            assertThat(stream.next().data().get("description").asText()).isEqualTo("first");
        }
    }

    private static void insert(Connection c, String ledgerId, String type, String description) throws SQLException {
        try (var insert = c.prepareStatement("insert into expense (ledger_id, date, type, amount, description, version,"
                + " created_at, updated_at) values (?, ?, ?, -100, ?, 1, 0, 0)")) {
            insert.setLong(1, Long.parseLong(ledgerId));
            insert.setObject(2, LocalDate.of(2024, 10, 1));
            insert.setString(3, type);
            insert.setString(4, description);
            insert.executeUpdate();
        }
    }

    private static EventStream follow(Member member, String lastEventId) {
        return follow(member, member.ledger(), lastEventId);
    }

    private static EventStream follow(Member member, String ledger, String lastEventId) {
        return EventStream.open(server.baseUrl(), ledger + "/events", member.token(), lastEventId);
    }
}
