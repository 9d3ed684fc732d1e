package app.outlay.expense;

import app.outlay.common.Params;
import app.outlay.http.Auth;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.List;

/** The aggregate routes: {@code /summary} and {@code /types}. */
public final class SummaryHandler {
    private final SummaryService summaries;

    public SummaryHandler(SummaryService summaries) {
        this.summaries = summaries;
    }

    public void summary(Context ctx) {
        Summary s = summaries.summary(Auth.user(ctx), ExpenseHandler.ledgerId(ctx), new Params(ctx.queryParamMap()));
        ctx.json(new SummaryView(s.total().currency().getCurrencyCode(), s.total().toString(), s.count(),
                s.groups().stream().map(GroupView::of).toList()));
    }

    public void types(Context ctx) {
        ctx.json(summaries.types(Auth.user(ctx), ExpenseHandler.ledgerId(ctx)).stream()
                .map(t -> new TypeView(t.type(), t.count(), t.total().toString()))
                .toList());
    }

    record SummaryView(String currency, String total, long count, List<GroupView> groups) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupView(String type, String month, String year, String total, long count) {
        static GroupView of(Summary.Group g) {
            return new GroupView(g.type(), g.month(), g.year(), g.total().toString(), g.count());
        }
    }

    record TypeView(String type, long count, String total) {}
}
