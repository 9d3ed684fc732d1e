package app.outlay.common;

/** One problem with one named input field, as reported in a problem's {@code errors[]}. */
public record FieldError(String field, String message) {}
