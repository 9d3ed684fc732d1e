package app.outlay.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects every field problem of one input, so a client learns all of them in one answer. */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Runs a parse step; an {@link Invalid} it throws is recorded and {@code null} returned. */
    public <T> T attempt(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (Invalid e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public void addAll(String prefix, List<FieldError> more) {
        more.forEach(e -> add(prefix + e.field(), e.message()));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        throwIfAny(Integer.MAX_VALUE);
    }

    /** Throws with at most {@code limit} of the problems, so a huge bad input gets a bounded answer. */
    public void throwIfAny(int limit) {
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors.subList(0, Math.min(limit, errors.size())));
        }
    }
}
