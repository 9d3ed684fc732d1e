package app.outlay.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** Checks that an error answer is an RFC 9457 problem a client can rely on, and leaks nothing. */
public final class ProblemAssertions {
    /** A qualified Java name such as {@code java.lang.String} or {@code com.fasterxml.jackson.databind.JsonNode}. */
    private static final Pattern JAVA_CLASS =
            Pattern.compile("\\b(java|javax|jakarta|com|org|io|kotlin|app)\\.[a-z][\\w$]*(\\.[\\w$]+)+");

    private ProblemAssertions() {}

    /** Asserts the response is a problem with this status and the members every problem has; returns it. */
    public static JsonNode assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of %s", response)
                .startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").isTextual()).as("type in %s", response).isTrue();
        assertThat(problem.path("title").asText()).as("title in %s", response).isNotBlank();
        assertThat(problem.path("status").isInt()).as("status member in %s", response).isTrue();
        assertThat(problem.path("status").asInt()).as("status member in %s", response).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("detail in %s", response).isNotBlank();
        assertNoInternals(response.body());
        return problem;
    }

    /** The {@code field} of every entry in the problem's {@code errors[]}. */
    public static List<String> errorFields(Api.Response response) {
        return StreamSupport.stream(response.json().path("errors").spliterator(), false)
                .map(e -> e.path("field").asText())
                .toList();
    }

    /** No exception names, SQL or Java class names: what a server must never show a client. */
    public static void assertNoInternals(String body) {
        assertThat(body).as("body").doesNotContain("Exception").doesNotContainIgnoringCase("sql");
        assertThat(JAVA_CLASS.matcher(body).find()).as("a Java class name in %s", body).isFalse();
    }
}
