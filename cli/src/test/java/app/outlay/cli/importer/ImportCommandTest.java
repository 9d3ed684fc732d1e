package app.outlay.cli.importer;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    private static final String GIRO = "Buchungstag;Verwendungszweck;Betrag\r\n02.01.2024;Miete Januar;-1.250,00\r\n"
            + "15.01.2024;Bäckerei;-4,35\r\n";

    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    private TestServer.Account alice;
    private String ledger;

    @BeforeEach
    void aLedgerOfItsOwn() {
        alice = server.user();
        ledger = alice.newLedger();
    }

    @Test
    void importSendsTheFileAndTellsWhatTheServerDidAndHowItReadTheFile() throws IOException {
        // given
        Path file = write("giro.csv", GIRO);

        // when
        Run run = outlay().run("import", file.toString(), "--output", "table");

        // then
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("imported           2", "date=Buchungstag, amount=Betrag, description=Verwendungszweck",
                "dd.MM.yyyy");
        assertThat(run.err()).contains("Imported 2 of 2 rows (0 duplicates skipped) as import ");
        assertThat(alice.api().text("/api/v1/ledgers/" + ledger + "/expenses?format=csv&sort=date"))
                .contains("2024-01-02,uncategorized,-1250.00,Miete Januar", "2024-01-15,uncategorized,-4.35,Bäckerei");
    }

    @Test
    void aDryRunAsJsonStoresNothingAndASecondImportFindsOnlyDuplicates() throws IOException {
        Path file = write("giro.csv", GIRO);

        Run dry = outlay().run("import", file.toString(), "--dry-run", "--output", "json");
        Run first = outlay().run("import", file.toString());
        Run second = outlay().run("import", file.toString(), "--output", "json");

        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("\"dryRun\": true", "\"imported\": 2");
        assertThat(dry.err()).contains("Dry run: would import 2 of 2 rows");
        assertThat(first.exitCode()).isZero();
        assertThat(second.out()).contains("\"imported\": 0", "\"duplicates\": 2");
    }

    @Test
    void anInvalidRowIsRefusedWithItsLineAndColumnAndExitCodeTwo() throws IOException {
        Path file = write("bad.csv", "date,amount,description\n2024-01-01,-1.00,fine\n2024-01-02,lots,bad\n");

        Run refused = outlay().run("import", file.toString());
        Run skipped = outlay().run("import", file.toString(), "--skip-invalid");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("line 3: amount: is not an amount: lots");
        assertThat(skipped.exitCode()).isZero();
        assertThat(skipped.err()).contains("line 3: amount: is not an amount: lots", "Imported 1 of 2 rows");
    }

    @Test
    void columnsByNumberWithoutAHeaderAndOtherOptionsReachTheServer() throws IOException {
        Path file = write("card.csv", "05/02/2024|Coffee|3,50|\n06/02/2024|Refund||10,00\n");

        Run run = outlay().run("import", file.toString(), "--no-header", "--map", "date=1,description=2,debit=3,credit=4",
                "--delimiter", "|", "--decimal", ",", "--date-format", "dd/MM/yyyy", "--default-type", "card");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(alice.api().text("/api/v1/ledgers/" + ledger + "/expenses?format=csv&sort=date"))
                .contains("2024-02-05,card,-3.50,Coffee", "2024-02-06,card,10.00,Refund");
    }

    @Test
    void importsAreListedAndAnImportIsUndone() throws IOException {
        Path file = write("giro.csv", GIRO);
        outlay().run("import", file.toString());

        Run list = outlay().run("imports", "--output", "csv");
        String id = list.out().split("\r?\n")[1].split(",")[0];
        Run undo = outlay().run("imports", "undo", id);
        Run again = outlay().run("imports", "undo", id);

        assertThat(list.out()).startsWith("id,createdAt,createdBy,rows,imported,duplicates,invalid,undoneAt,removed,kept");
        assertThat(undo.exitCode()).as(undo.toString()).isZero();
        assertThat(undo.err()).contains("Undid import " + id + ": removed 2 expenses.");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("was undone already");
        assertThat(alice.api().text("/api/v1/ledgers/" + ledger + "/expenses?format=csv")).isEqualTo("id,date,type,amount,description\r\n");
    }

    @Test
    void aLargeFileShowsAPlainLineWhenStandardErrorIsNoTerminalAndStandardInputWorksToo() throws IOException {
        var csv = new StringBuilder("date,amount,description\n");
        for (int i = 0; i < 40_000; i++) {
            csv.append("2024-03-").append(10 + i % 18).append(",-1.").append(i % 90 + 10).append(",row ").append(i).append('\n');
        }
        Path file = write("big.csv", csv.toString());

        Run run = outlay().run("import", file.toString());
        Run piped = outlay().stdin("date,amount\n2024-04-01,-2.00\n").run("import", "-");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("Sent 1.", "Imported 40000 of 40000 rows");
        assertThat(piped.exitCode()).as(piped.toString()).isZero();
        assertThat(piped.err()).contains("Imported 1 of 1 rows");
    }

    @Test
    void badUsageIsExitCodeOne() {
        assertThat(outlay().run("import", home.resolve("missing.csv").toString()).exitCode()).isEqualTo(1);
        assertThat(outlay().run("import", "-", "--map", "when=1").exitCode()).isEqualTo(1);
        assertThat(outlay().run("import").exitCode()).isEqualTo(1);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(home.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Outlay outlay() {
        return Outlay.as(alice, server, home).inLedger(ledger);
    }
}
