package app.outlay.db;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one database behave as one service: on PostgreSQL as deployed at scale, and on
 * SQLite too (two processes on one file, serialised by SQLite's own locking).
 */
class MultiServerApiTest {
    private static TestServer first;
    private static TestServer second;
    private static int users;

    @BeforeAll
    static void start() {
        first = TestServer.start();
        second = TestServer.on(first.database());
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void aTokenMadeOnOneServerWorksOnTheOther() {
        Member member = first.newUser("roamer" + ++users);

        var me = second.anonymous().withToken(member.token()).get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(member.username());
    }

    @Test
    void aSearchOnOneServerFindsWhatTheOtherHasJustCreated() {
        Member member = first.newUser("roamer" + ++users);
        var onSecond = second.anonymous().withToken(member.token());
        for (int i = 1; i <= 5; i++) {
            var created = member.api().post(member.expenses(), expense("2024-05-0" + i, "food", "-2.00", "pretzel " + i));
            assertThat(created.status()).isEqualTo(201);

            var found = onSecond.get(member.expenses() + "?q=pretz").json().get("items");

            assertThat(found).as("after create " + i).hasSize(i);
        }
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceWhereRevokedAndWithinSecondsByTheOtherServer() throws Exception {
        Member member = first.newUser("roamer" + ++users);
        var other = first.signIn(member.username(), app.outlay.support.Fixtures.PASSWORD);
        String tokenId = other.api().get("/api/v1/tokens").json().get(1).get("id").asText();
        assertThat(second.anonymous().withToken(other.token()).get("/api/v1/me").status()).isEqualTo(200);

        second.anonymous().withToken(member.token()).delete("/api/v1/tokens/" + tokenId);

        assertThat(second.anonymous().withToken(other.token()).get("/api/v1/me").status()).isEqualTo(401);
        var revokedAt = java.time.Instant.now();
        while (first.anonymous().withToken(other.token()).get("/api/v1/me").status() != 401) {
            assertThat(java.time.Duration.between(revokedAt, java.time.Instant.now())).isLessThan(java.time.Duration.ofSeconds(5));
            Thread.sleep(100);
        }
    }

    @Test
    void anIdempotencyKeyUsedOnOneServerReplaysOnTheOther() {
        Member member = first.newUser("roamer" + ++users);
        String key = UUID.randomUUID().toString();
        var body = expense("2024-05-01", "rent", "-900.00", "may rent");

        var original = member.api().withHeader("Idempotency-Key", key).post(member.expenses(), body);
        var retry = second.anonymous().withToken(member.token()).withHeader("Idempotency-Key", key)
                .post(member.expenses(), body);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(original.json());
        assertThat(count(member)).isEqualTo(1);
    }

    @Test
    void simultaneousRetriesThroughBothServersCreateOneExpense() throws Exception {
        Member member = first.newUser("roamer" + ++users);
        String key = UUID.randomUUID().toString();
        var body = expense("2024-05-01", "rent", "-900.00", "may rent");
        var viaFirst = member.api().withHeader("Idempotency-Key", key);
        var viaSecond = second.anonymous().withToken(member.token()).withHeader("Idempotency-Key", key);

        var ids = new HashSet<String>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                var api = i % 2 == 0 ? viaFirst : viaSecond;
                answers.add(pool.submit(() -> api.post(member.expenses(), body).text("id")));
            }
            for (var answer : answers) {
                ids.add(answer.get());
            }
        }

        assertThat(ids).hasSize(1);
        assertThat(count(member)).isEqualTo(1);
    }

    @Test
    void concurrentWritesThroughBothServersLoseNothing() throws Exception {
        Member member = first.newUser("roamer" + ++users);
        var viaSecond = second.anonymous().withToken(member.token());
        String shared = member.api().post(member.expenses(), expense("2024-05-01", "food", "-1.00", "")).text("id");

        List<Callable<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            var api = i % 2 == 0 ? member.api() : viaSecond;
            int n = i;
            writes.add(() -> api.post(member.expenses(), expense("2024-05-02", "food", "-1.00", "write " + n)).status());
        }
        for (String field : List.of("type", "description")) { // edits of different fields of one row, no If-Match
            for (int i = 0; i < 10; i++) {
                var api = i % 2 == 0 ? member.api() : viaSecond;
                String value = field + "-" + i;
                writes.add(() -> api.patch(member.expenses() + "/" + shared, Map.of(field, value)).status());
            }
        }
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (var result : pool.invokeAll(writes)) {
                assertThat(result.get()).isIn(200, 201);
            }
        }

        assertThat(count(member)).isEqualTo(201);
        var edited = member.api().get(member.expenses() + "/" + shared);
        assertThat(edited.text("type")).startsWith("type-");
        assertThat(edited.text("description")).startsWith("description-");
        assertThat(edited.json().get("version").asInt()).isEqualTo(21); // every one of the 20 edits applied
    }

    private static int count(Member member) {
        return member.api().get(member.ledger() + "/summary").json().get("count").asInt();
    }
}
