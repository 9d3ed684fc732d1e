package app.outlay.idempotency;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static int users;

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstAnswerAndCreatesNothing() {
        var member = server.newUser("retrier" + ++users);
        var keyed = member.api().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        var body = expense("2023-10-01", "rent", "-800.00", "october rent");

        var first = keyed.post(member.expenses(), body);
        var retry = keyed.post(member.expenses(), body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(count(member)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        var member = server.newUser("retrier" + ++users);
        var keyed = member.api().withHeader("Idempotency-Key", "key-1");
        keyed.post(member.expenses(), expense("2023-10-01", "rent", "-800.00", "october rent"));

        var reused = keyed.post(member.expenses(), expense("2023-10-01", "rent", "-801.00", "october rent"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        assertThat(count(member)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirUser() {
        var alice = server.newUser("retrier" + ++users);
        var bob = server.newUser("retrier" + ++users);
        var body = expense("2023-10-01", "rent", "-800.00", "october rent");

        var fromAlice = alice.api().withHeader("Idempotency-Key", "shared").post(alice.expenses(), body);
        var fromBob = bob.api().withHeader("Idempotency-Key", "shared").post(bob.expenses(), body);

        assertThat(fromBob.status()).isEqualTo(201);
        assertThat(fromBob.text("id")).isNotEqualTo(fromAlice.text("id"));
        assertThat(count(bob)).isEqualTo(1);
    }

    @Test
    void aFailedRequestIsNotRememberedSoItsRetryCanSucceed() {
        var member = server.newUser("retrier" + ++users);
        var keyed = member.api().withHeader("Idempotency-Key", "after-fix");

        var refused = keyed.post(member.expenses(), "{\"date\":\"2023-02-30\",\"type\":\"rent\",\"amount\":\"-1.00\"}");
        var fixed = keyed.post(member.expenses(), "{\"date\":\"2023-02-28\",\"type\":\"rent\",\"amount\":\"-1.00\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(fixed.status()).isEqualTo(201);
    }

    @Test
    void batchesReplayToo() {
        var member = server.newUser("retrier" + ++users);
        var keyed = member.api().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        var items = List.of(expense("2024-01-01", "food", "-1.00", "a"), expense("2024-01-02", "food", "-2.00", "b"));

        var first = keyed.post(member.expenses() + "/batch", items);
        var retry = keyed.post(member.expenses() + "/batch", items);

        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(count(member)).isEqualTo(2);
    }

    @Test
    void concurrentRetriesCreateOneExpense() throws Exception {
        var member = server.newUser("retrier" + ++users);
        var keyed = member.api().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        var body = expense("2023-10-01", "rent", "-800.00", "october rent");

        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.concurrent.Callable<String> create = () -> keyed.post(member.expenses(), body).text("id");
            var answers = pool.invokeAll(java.util.Collections.nCopies(8, create));
            var ids = new java.util.HashSet<String>();
            for (var answer : answers) {
                ids.add(answer.get());
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(count(member)).isEqualTo(1);
    }

    private static int count(Member member) {
        return member.api().get(member.ledger() + "/summary").json().get("count").asInt();
    }
}
