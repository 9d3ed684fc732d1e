package app.outlay.cli.expense;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Expense;
import app.outlay.cli.api.Json;
import app.outlay.cli.api.Ledger;
import app.outlay.cli.api.ServerRefused;
import app.outlay.cli.api.SseParser;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.RowSink;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;

/** {@code outlay watch}: the ledger's live updates, one line per change, until Ctrl-C. */
@Command(name = "watch",
        header = "Print each change to the ledger's expenses as it happens, by anyone.",
        description = {
            "Follow the ledger and print one line per change to its expenses, made by anyone, from any client, as it "
                    + "happens, until Ctrl-C (exit code 0). Changes made before the command started are not shown.",
            "",
            "For people (--output table):  created  42  2024-03-01  food  -10.00  hamburger",
            "                              updated  42  2024-03-01  food  -12.00  hamburger",
            "                              deleted  42",
            "CSV (the default when not on a terminal): a header, then a row per change:",
            "  event,id,date,type,amount,description",
            "JSON (--output json): JSON Lines, one object per change, the expense as the API returns it:",
            "  {\"event\":\"expense.created\",\"eventId\":\"43\",\"expense\":{\"id\":\"42\",...}}",
            "  {\"event\":\"expense.deleted\",\"eventId\":\"44\",\"expense\":{\"id\":\"42\"}}",
            "",
            "When the connection drops (the server restarts, the network fails) watch reconnects by itself, after 1 s "
                    + "then up to 15 s, and is sent what it missed meanwhile. If the server no longer keeps what was "
                    + "missed (after days away) a note says so on standard error, and in CSV and JSON a row (reset) or "
                    + "object ({\"event\":\"reset\"}) tells programs to load the ledger anew.",
            "Watch stops with exit code 2 when you lose access: your token is revoked, or you are removed from the "
                    + "ledger, or it is deleted."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay watch",
            "  outlay watch --ledger Household",
            "  outlay watch --output json | jq -c 'select(.event == \"expense.created\") | .expense'"})
public final class WatchCommand implements Callable<Integer> {
    static final List<Column> COLUMNS = List.of(Column.left("event"), Column.left("id"), Column.left("date"),
            Column.left("type"), Column.right("amount"), Column.left("description"));
    private static final String PREFIX = "expense.";

    private final Session session;

    WatchCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        Ledger ledger = session.ledger(api);
        PrintStream out = session.context().out();
        try (RowSink rows = session.printer().stream(COLUMNS)) {
            var follower = new Follower(lastEventId -> api.follow(ledger.id(), lastEventId),
                    new Printing(ledger, rows, out), Thread::sleep, Follower.SILENCE);
            Runnable restore = CtrlC.stops(follower);
            try {
                follower.run(null);
            } catch (ServerRefused e) {
                if (!follower.hasConnected()) {
                    throw e;
                }
                throw e.explained("Stopped following ledger " + ledger.name() + ": " + (e.status() == 401
                        ? "you are signed out (" + e.problem().detail() + ")"
                        : "you can no longer see it (removed from it, or it was deleted)"));
            } finally {
                restore.run();
                Thread.interrupted(); // a stop by interruption (Ctrl-C) is done with
            }
        }
        return ExitCodes.OK;
    }

    /** Prints each event as it arrives, and the state of the connection on standard error. */
    private final class Printing implements Follower.Listener {
        private final Ledger ledger;
        private final RowSink rows;
        private final PrintStream out;

        Printing(Ledger ledger, RowSink rows, PrintStream out) {
            this.ledger = ledger;
            this.rows = rows;
            this.out = out;
        }

        @Override
        public void connected(boolean again) {
            session.messages().println(again ? "Reconnected."
                    : "Watching ledger " + ledger.name() + " for changes (Ctrl-C to stop).");
        }

        @Override
        public boolean event(SseParser.Event event) {
            if ("reset".equals(event.type())) {
                session.messages().println("Some changes were missed: the server no longer keeps them. "
                        + "Load the ledger anew (`outlay list`) to see where it stands.");
                var reset = new LinkedHashMap<String, Object>();
                reset.put("event", "reset");
                rows.add(reset, List.of(Cell.of("reset"), Cell.of(""), Cell.of(""), Cell.of(""), Cell.of(""), Cell.of("")));
            } else if (event.type().startsWith(PREFIX)) {
                JsonNode expense;
                try {
                    expense = Json.mapper().readTree(event.data());
                } catch (JsonProcessingException e) {
                    session.messages().println("Skipped an event " + event.type() + " whose data is not JSON.");
                    return true;
                }
                String verb = event.type().substring(PREFIX.length());
                rows.add(json(event, expense), cells(verb, expense));
            } // other events (none yet) are for other clients
            rows.flush();
            return !out.checkError(); // standard output closed (`outlay watch | head -3`): done
        }

        @Override
        public void lost(String reason, Duration delay, int failures) {
            String wait = delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() / 1000.0 + " s";
            session.messages().println(reason + ". Reconnecting in " + wait + "...");
        }
    }

    /** The line for programs: the event's name, its id (to tell events apart), the expense as the API sent it. */
    private static Map<String, Object> json(SseParser.Event event, JsonNode expense) {
        var json = new LinkedHashMap<String, Object>();
        json.put("event", event.type());
        json.put("eventId", event.lastEventId());
        json.put("expense", expense);
        return json;
    }

    private static List<Cell> cells(String verb, JsonNode data) {
        if ("deleted".equals(verb) || !data.has("date")) {
            return List.of(Cell.of(verb), Cell.of(data.path("id").asText()), Cell.of(""), Cell.of(""), Cell.of(""),
                    Cell.of(""));
        }
        Expense expense = Json.mapper().convertValue(data, Expense.class);
        return List.of(Cell.of(verb), Cell.of(expense.id()), Cell.of(expense.date()), Cell.of(expense.type()),
                Cell.amount(expense.amount()), Cell.of(expense.description()));
    }

    /**
     * Ctrl-C (SIGINT) stops following, so that the command ends as it would anyway, exit code 0, with its output
     * flushed; a second Ctrl-C ends the program at once. Where the JVM cannot handle the signal, or the program was
     * started with it ignored (a background job, nohup), nothing changes.
     */
    private static final class CtrlC {
        private CtrlC() {}

        @SuppressWarnings("removal")
        static Runnable stops(Follower follower) {
            try {
                var signal = new sun.misc.Signal("INT");
                var presses = new AtomicInteger();
                var previous = sun.misc.Signal.handle(signal, pressed -> {
                    if (presses.incrementAndGet() > 1) {
                        Runtime.getRuntime().halt(130);
                    }
                    follower.stop();
                });
                if (previous == sun.misc.SignalHandler.SIG_IGN) {
                    sun.misc.Signal.handle(signal, previous);
                    return () -> {};
                }
                return () -> sun.misc.Signal.handle(signal, previous);
            } catch (IllegalArgumentException | LinkageError e) {
                return () -> {};
            }
        }
    }
}
