package app.outlay.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one run of the client sees of the world. {@link #system()} is the real one; tests build their own with a
 * temporary config directory, captured streams and their own environment.
 *
 * @param env   environment variables ({@code OUTLAY_SERVER}, {@code OUTLAY_TOKEN}, {@code XDG_CONFIG_HOME},
 *              {@code HOME}, {@code NO_COLOR}, {@code TERM})
 * @param out   standard output: data only
 * @param err   standard error: messages, prompts' companions, errors
 * @param http  the HTTP client, made when the first request needs it
 */
public record Context(Map<String, String> env, PrintStream out, PrintStream err, InputStream in, Terminal terminal,
                      Clock clock, Supplier<HttpClient> http) {

    public static Context system() {
        // Data are UTF-8 whatever the locale, and buffered: a listing of a million rows is not flushed line by line.
        var out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
        var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new Context(System.getenv(), out, err, System.in, Terminal.system(), Clock.systemDefaultZone(),
                Context::httpClient);
    }

    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Colour only for people: on a terminal, unless {@code NO_COLOR} is set (no-color.org) or the terminal is dumb. */
    public boolean color() {
        String noColor = env.get("NO_COLOR");
        return terminal.interactive() && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }
}
