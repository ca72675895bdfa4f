package dev.runway.render.values;

/**
 * A {@code --set}-style expression Helm would refuse. The message is Helm's own text, for example
 * {@code failed parsing --set data: key "a" has no value}.
 */
public final class SetValueException extends RuntimeException {
    public SetValueException(String message) {
        super(message);
    }
}
