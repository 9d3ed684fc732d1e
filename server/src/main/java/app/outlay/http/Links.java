package app.outlay.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** {@code Link} header values (RFC 8288) for paged listings. */
public final class Links {
    private Links() {}

    /** The link to this same request with one query parameter replaced, as {@code rel="next"}. */
    public static String next(Context ctx, String param, String value) {
        String query = ctx.queryParamMap().entrySet().stream()
                .filter(e -> !e.getKey().equals(param))
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        String next = (query.isEmpty() ? "" : query + "&") + encode(param) + "=" + encode(value);
        return "<" + ctx.path() + "?" + next + ">; rel=\"next\"";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
