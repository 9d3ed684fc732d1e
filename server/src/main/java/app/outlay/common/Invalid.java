package app.outlay.common;

import java.util.List;

/**
 * Input that is well-formed but breaks a rule (422), or a malformed parameter (400), naming each field.
 */
public final class Invalid extends RuntimeException {
    private final List<FieldError> errors;
    private final boolean malformed;

    private Invalid(String detail, List<FieldError> errors, boolean malformed) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
        this.malformed = malformed;
    }

    /** A body or field that breaks a validation rule: 422. */
    public static Invalid fields(List<FieldError> errors) {
        return new Invalid("The request has invalid fields.", errors, false);
    }

    /** A body that breaks a rule (422), with a detail of its own, such as how many rows of a file are bad. */
    public static Invalid fields(String detail, List<FieldError> errors) {
        return new Invalid(detail, errors, false);
    }

    public static Invalid field(String field, String message) {
        return fields(List.of(new FieldError(field, message)));
    }

    /** A query or path parameter that cannot be read at all: 400. */
    public static Invalid parameter(String name, String message) {
        return new Invalid("The parameter '" + name + "' is malformed.", List.of(new FieldError(name, message)), true);
    }

    /** A body that cannot be read at all (not JSON, cut short): 400 with no field to name. */
    public static Invalid malformedBody(String detail) {
        return new Invalid(detail, List.of(), true);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean malformed() {
        return malformed;
    }
}
