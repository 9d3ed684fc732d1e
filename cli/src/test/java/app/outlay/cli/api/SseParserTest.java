package app.outlay.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    @Test
    void eachEventHasItsIdTypeAndDataAndABlankLineEndsIt() throws IOException {
        // given
        var parser = parser("""
                id: 42
                event: expense.created
                data: {"id":"7"}

                id: 43
                event: expense.deleted
                data: {"id":"7"}

                """);

        // then
        assertThat(parser.next()).isEqualTo(new SseParser.Event("expense.created", "{\"id\":\"7\"}", "42"));
        assertThat(parser.next()).isEqualTo(new SseParser.Event("expense.deleted", "{\"id\":\"7\"}", "43"));
        assertThat(parser.next()).isNull();
        assertThat(parser.lastEventId()).isEqualTo("43");
    }

    @Test
    void severalDataLinesAreJoinedByLineFeeds() throws IOException {
        assertThat(all("data: first\ndata:second\ndata\ndata:  indented\n\n"))
                .containsExactly(new SseParser.Event("message", "first\nsecond\n\n indented", null));
    }

    @Test
    void theTypeIsMessageUnlessAnEventFieldNamesOneAndDoesNotCarryOver() throws IOException {
        assertThat(all("event: ping\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\n")).extracting(SseParser.Event::type)
                .containsExactly("ping", "message", "message");
    }

    @Test
    void commentsAreSkippedAndCounted() throws IOException {
        // given
        var parser = parser(": following\n\n:\n\ndata: x\n: in the middle\n\n:\n\n");

        // when
        var events = all(parser);

        // then
        assertThat(events).containsExactly(new SseParser.Event("message", "x", null));
        assertThat(parser.comments()).isEqualTo(4);
    }

    @Test
    void linesMayEndWithCrLfOrCrAlone() throws IOException {
        assertThat(all("id: 1\r\ndata: a\r\n\r\nid: 2\rdata: b\r\rdata: c\n\n")).containsExactly(
                new SseParser.Event("message", "a", "1"),
                new SseParser.Event("message", "b", "2"),
                new SseParser.Event("message", "c", "2"));
    }

    @Test
    void anIdCarriesOverToLaterEventsWithoutOneAndAnEmptyIdClearsIt() throws IOException {
        // given
        var parser = parser("id: 5\ndata: a\n\nevent: reset\ndata: {}\n\nid\ndata: b\n\n");

        // then
        assertThat(all(parser)).extracting(SseParser.Event::lastEventId).containsExactly("5", "5", "");
        assertThat(parser.lastEventId()).isEmpty();
    }

    @Test
    void anIdWithANulIsIgnored() throws IOException {
        assertThat(all("id: 5\ndata: a\n\nid: 6\u0000\ndata: b\n\n")).extracting(SseParser.Event::lastEventId)
                .containsExactly("5", "5");
    }

    @Test
    void anEventWithoutDataIsNoEventButItsIdCounts() throws IOException {
        // given
        var parser = parser("id: 9\nevent: expense.created\n\ndata: x\n\n");

        // then
        assertThat(all(parser)).containsExactly(new SseParser.Event("message", "x", "9"));
    }

    @Test
    void anEventLeftUnfinishedWhenTheStreamEndsIsDroppedAndItsIdNotTaken() throws IOException {
        // given
        var parser = parser("id: 1\ndata: done\n\nid: 2\nevent: expense.created\ndata: {\"id\":");

        // then
        assertThat(all(parser)).containsExactly(new SseParser.Event("message", "done", "1"));
        assertThat(parser.lastEventId()).isEqualTo("1");
    }

    @Test
    void theIdKnownBeforeIsKeptUntilTheStreamSendsOne() throws IOException {
        // given
        var parser = new SseParser(new StringReader(": following\n\ndata: x\n\n"), "41");

        // then
        assertThat(parser.lastEventId()).isEqualTo("41");
        assertThat(parser.next().lastEventId()).isEqualTo("41");
    }

    @Test
    void retryIsTakenOnlyAsDigitsAndUnknownFieldsAreIgnored() throws IOException {
        // given
        var parser = parser("retry: 3000\nfoo: bar\ndata: x\n\nretry: soon\ndata: y\n\n");

        // when
        var events = all(parser);

        // then
        assertThat(events).extracting(SseParser.Event::data).containsExactly("x", "y");
        assertThat(parser.retryMillis()).isEqualTo(3000);
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsSkipped() throws IOException {
        assertThat(all("\uFEFFdata: x\n\n")).containsExactly(new SseParser.Event("message", "x", null));
    }

    @Test
    void aColonInTheValueIsPartOfIt() throws IOException {
        assertThat(all("data: {\"a\":\"b: c\"}\n\n")).extracting(SseParser.Event::data).containsExactly("{\"a\":\"b: c\"}");
    }

    private static SseParser parser(String text) {
        return new SseParser(new StringReader(text), null);
    }

    private static List<SseParser.Event> all(String text) throws IOException {
        return all(parser(text));
    }

    private static List<SseParser.Event> all(SseParser parser) throws IOException {
        var events = new ArrayList<SseParser.Event>();
        for (var event = parser.next(); event != null; event = parser.next()) {
            events.add(event);
        }
        return events;
    }
}
