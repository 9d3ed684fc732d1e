package app.outlay.http;

import app.outlay.common.Conflict;
import app.outlay.common.FieldError;
import app.outlay.common.Forbidden;
import app.outlay.common.Invalid;
import app.outlay.common.NotFound;
import app.outlay.common.StaleVersion;
import app.outlay.common.Throttled;
import app.outlay.common.Unauthenticated;
import app.outlay.db.Unavailable;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every exception to an {@code application/problem+json} answer. The only place that does. */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    public static void register(JavalinConfig cfg) {
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrors()));
        var routes = cfg.routes;
        routes.exception(Invalid.class, (e, ctx) ->
                write(ctx, e.malformed() ? 400 : 422, e.getMessage(), e.errors()));
        routes.exception(NotFound.class, (e, ctx) -> write(ctx, 404, e.getMessage(), null));
        routes.exception(Forbidden.class, (e, ctx) -> write(ctx, 403, e.getMessage(), null));
        routes.exception(Conflict.class, (e, ctx) -> write(ctx, 409, e.getMessage(), null));
        routes.exception(StaleVersion.class, (e, ctx) -> write(ctx, 412, e.getMessage(), null));
        routes.exception(Unauthenticated.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            write(ctx, 401, e.getMessage(), null);
        });
        routes.exception(Throttled.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            write(ctx, 429, e.getMessage(), null);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                ctx.header("Allow", allowedMethods(e));
            }
            write(ctx, e.getStatus(), detail(e), null);
        });
        routes.exception(BadMessageException.class, (e, ctx) -> write(ctx, e.getCode(), switch (e.getCode()) {
            case 408 -> "The request body arrived too slowly.";
            case 413 -> "The request body is too large.";
            default -> "The request could not be read.";
        }, null));
        routes.exception(ValidationException.class, (e, ctx) -> {
            List<FieldError> errors = e.getErrors().entrySet().stream()
                    .flatMap(entry -> entry.getValue().stream().map(v -> new FieldError(entry.getKey(), v.getMessage())))
                    .toList();
            write(ctx, 400, "A parameter is malformed.", errors);
        });
        routes.exception(DataAccessException.class, (e, ctx) -> {
            if (Unavailable.is(e)) {
                LOG.warn("{} {}: database unavailable: {}", ctx.method(), ctx.path(), e.getCause().getMessage());
                ctx.header("Retry-After", "5");
                write(ctx, 503, "The database is unavailable; try again shortly.", null);
            } else {
                unexpected(ctx, e);
            }
        });
        routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
    }

    private static void unexpected(Context ctx, Exception e) {
        IOException gone = clientGone(e);
        if (gone != null) {
            // Nothing to answer and nothing wrong here: the client closed the connection mid-answer (a download cancelled).
            LOG.debug("{} {}: the client went away ({})", ctx.method(), ctx.path(), gone.toString());
            return;
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        write(ctx, 500, "Unexpected error; it has been logged.", null);
    }

    /**
     * The I/O failure, if {@code e} is one of writing to a client that has gone away (Jetty's {@link EofException},
     * a closed channel, a broken pipe or a reset connection), anywhere in its causes; else null.
     */
    private static IOException clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException || t instanceof ClosedChannelException) {
                return (IOException) t;
            }
            if (t instanceof IOException io && io.getMessage() != null
                    && (io.getMessage().contains("Broken pipe") || io.getMessage().contains("Connection reset"))) {
                return io;
            }
        }
        return null;
    }

    private static String allowedMethods(HttpResponseException e) {
        String methods = e.getDetails().getOrDefault("availableMethods", "");
        return methods.replaceAll("[\\[\\]]", "");
    }

    private static String detail(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request body is too large.";
            default -> e.getMessage();
        };
    }

    /** Jetty's own refusals, made before any route runs (a URI it cannot decode, or too long): problems too. */
    private static final class ServerErrors extends ErrorHandler {
        /** Every method: Jetty's default answers only GET, POST and HEAD with a body (PUT got an empty 400). */
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                        Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            SecurityHeaders.add(response.getHeaders(), request.getHttpURI().getPath(), false);
            response.write(true, ByteBuffer.wrap(body(status)), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            SecurityHeaders.add(fields, null, false);
            return ByteBuffer.wrap(body(status));
        }

        private static byte[] body(int status) {
            String detail = switch (status) {
                case 400 -> "The request could not be read.";
                case 414 -> "The request URI is too long.";
                case 431 -> "The request headers are too large.";
                default -> HttpStatus.forStatus(status).getMessage();
            };
            try {
                return Json.mapper().writeValueAsBytes(
                        new Problem("about:blank", HttpStatus.forStatus(status).getMessage(), status, detail, null, null));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static void write(Context ctx, int status, String detail, List<FieldError> errors) {
        String title = HttpStatus.forStatus(status).getMessage();
        var problem = new Problem("about:blank", title, status, detail, ctx.path(), errors == null || errors.isEmpty() ? null : errors);
        ctx.status(status).json(problem).contentType(Problem.MEDIA_TYPE);
    }
}
