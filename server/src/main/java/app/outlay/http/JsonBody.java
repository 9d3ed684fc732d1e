package app.outlay.http;

import app.outlay.common.Invalid;
import app.outlay.common.Text;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;

/** Reads a request's JSON body: 415 unless it is JSON, 413 past the size limit, 400 unless it parses. */
public final class JsonBody {
    private JsonBody() {}

    public static JsonNode read(Context ctx) {
        requireJson(ctx);
        byte[] body = ctx.bodyAsBytes(); // Javalin answers 413 past http.maxRequestSize
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new BadRequestResponse("The request body is empty; send a JSON document.");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new BadRequestResponse("The JSON body is nested too deeply or holds too long a value.");
        } catch (JacksonException e) {
            // Not the parser's own message: it can name Java classes and settings.
            throw new BadRequestResponse("The body is not valid JSON" + where(e) + ".");
        } catch (IOException e) {
            throw new BadRequestResponse("The body could not be read.");
        }
    }

    /** 415 unless the body is sent as JSON; for routes that stream their body instead of reading it here. */
    public static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !isJson(type)) {
            throw new UnsupportedMediaTypeResponse("Send the body as application/json.");
        }
    }

    private static String where(JacksonException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** Reads a body that must be one JSON object. */
    public static JsonNode readObject(Context ctx) {
        JsonNode node = read(ctx);
        if (!node.isObject()) {
            throw new BadRequestResponse("The body must be a JSON object.");
        }
        return node;
    }

    /** Reads a body that must be one JSON array. */
    public static JsonNode readArray(Context ctx) {
        JsonNode node = read(ctx);
        if (!node.isArray()) {
            throw new BadRequestResponse("The body must be a JSON array.");
        }
        return node;
    }

    /** A string member of an object, or {@code null} when absent or null; 422 naming it when of another type. */
    public static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Invalid.field(field, "must be a string");
        }
        return Text.field(field, value.textValue());
    }

    /** {@code application/json}, {@code application/merge-patch+json} and any other {@code +json} type. */
    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase();
        return media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
    }
}
