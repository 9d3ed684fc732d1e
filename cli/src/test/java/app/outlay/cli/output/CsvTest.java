package app.outlay.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainFieldsAreWrittenAsTheyAreWithCrlfAtTheEnd() {
        assertThat(Csv.record(List.of("1", "2023-11-11", "food", "-10.00", "hamburger")))
                .isEqualTo("1,2023-11-11,food,-10.00,hamburger\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(Csv.record(List.of("a,b", "say \"hi\"", "two\nlines", "cr\rhere", "")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n");
    }
}
