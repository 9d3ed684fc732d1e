package app.outlay.support;

/**
 * Runs the embedded PostgreSQL of the tests on its own, for checks outside the test suite (CI runs the
 * contract check against a server on it). Prints a JDBC URL of an empty database, then serves until killed.
 */
public final class PostgresForChecks {
    private PostgresForChecks() {}

    public static void main(String[] args) throws InterruptedException {
        var postgres = TestDatabases.start(null, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestDatabases.close(postgres)));
        System.out.println(postgres.getJdbcUrl("postgres", "postgres"));
        System.out.flush();
        Thread.currentThread().join();
    }
}
