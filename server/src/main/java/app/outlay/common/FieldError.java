package app.outlay.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with one named input field, as reported in a problem's {@code errors[]}. {@code line} is set
 * only for problems in an uploaded file (a CSV import): the physical line, 1-based, the header being line 1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Long line, String field, String message) {
    public FieldError(String field, String message) {
        this(null, field, message);
    }
}
