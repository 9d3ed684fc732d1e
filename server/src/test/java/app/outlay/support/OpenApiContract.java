package app.outlay.support;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI document the server publishes, used as a checker: every response a test receives must
 * be documented for its route, method and status, and a JSON body must match the documented schema.
 */
public final class OpenApiContract {
    private static final OpenApiContract INSTANCE = load();

    private final OpenAPI document;
    private final List<Route> routes;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<io.swagger.v3.oas.models.media.Schema<?>, Schema> compiled = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, PathItem item, int params) {}

    private OpenApiContract(OpenAPI document) {
        this.document = document;
        this.routes = document.getPaths().entrySet().stream()
                .map(e -> new Route(e.getKey(), toPattern(e.getKey()), e.getValue(), countParams(e.getKey())))
                .sorted(Comparator.comparingInt(Route::params))
                .toList();
    }

    public static OpenApiContract instance() {
        return INSTANCE;
    }

    public OpenAPI document() {
        return document;
    }

    private static OpenApiContract load() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.yaml")) {
            var options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            var result = new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options);
            if (result.getOpenAPI() == null || result.getMessages() != null && !result.getMessages().isEmpty()) {
                throw new IllegalStateException("openapi.yaml does not parse: " + result.getMessages());
            }
            return new OpenApiContract(result.getOpenAPI());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws {@link AssertionError} unless the response is what the document promises. */
    public void validate(String method, String path, int status, String contentType, String body) {
        if (method.equals("HEAD")) {
            validateHead(path, status, contentType, body);
            return;
        }
        Operation operation = operation(method, path);
        if (operation == null) {
            if (status == 404 || status == 405) {
                requireProblem(method, path, status, contentType);
                return; // an unknown route or method: answered with a problem, as every error is
            }
            throw new AssertionError("Undocumented operation " + method + " " + path + " answered " + status);
        }
        ApiResponse response = response(operation, status);
        if (response == null) {
            throw new AssertionError("Undocumented status " + status + " for " + method + " " + path + ": " + body);
        }
        if (body == null || body.isEmpty()) {
            if (response.getContent() != null && !response.getContent().isEmpty()) {
                throw new AssertionError("Empty body for " + status + " of " + method + " " + path
                        + ", which documents content " + response.getContent().keySet());
            }
            return;
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        MediaType documented = response.getContent() == null ? null : response.getContent().get(media);
        if (documented == null) {
            throw new AssertionError("Undocumented content type '" + media + "' for " + status + " of " + method + " " + path);
        }
        if (media.endsWith("json") && documented.getSchema() != null) {
            var errors = schema(documented.getSchema()).validate(body, InputFormat.JSON);
            if (!errors.isEmpty()) {
                throw new AssertionError("Response to " + method + " " + path + " (" + status + ") breaks the documented schema: "
                        + errors + "\nbody: " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
            }
        }
    }

    /** HEAD answers what the documented GET answers, without a body. */
    private void validateHead(String path, int status, String contentType, String body) {
        if (body != null && !body.isEmpty()) {
            throw new AssertionError("HEAD " + path + " answered with a body");
        }
        Operation get = operation("GET", path);
        if (get == null ? status != 404 && status != 405 : response(get, status) == null) {
            throw new AssertionError("HEAD " + path + " answered " + status + ", which GET does not document");
        }
        if (status >= 400) {
            requireProblem("HEAD", path, status, contentType);
        }
    }

    private void requireProblem(String method, String path, int status, String contentType) {
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            throw new AssertionError(method + " " + path + " answered " + status + " without problem+json");
        }
    }

    private Operation operation(String method, String path) {
        for (Route route : routes) {
            if (route.pattern().matcher(path).matches()) {
                Operation op = route.item().readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
                if (op != null) {
                    return op;
                }
            }
        }
        return null;
    }

    private static ApiResponse response(Operation operation, int status) {
        var responses = operation.getResponses();
        ApiResponse exact = responses.get(Integer.toString(status));
        if (exact != null) {
            return exact;
        }
        ApiResponse range = responses.get(status / 100 + "XX");
        return range != null ? range : responses.get("default");
    }

    private Schema schema(io.swagger.v3.oas.models.media.Schema<?> schema) {
        return compiled.computeIfAbsent(schema, s -> {
            try {
                return registry.getSchema(Json31.mapper().writeValueAsString(s), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Pattern toPattern(String template) {
        return Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
    }

    private static int countParams(String template) {
        return (int) template.chars().filter(c -> c == '{').count();
    }
}
