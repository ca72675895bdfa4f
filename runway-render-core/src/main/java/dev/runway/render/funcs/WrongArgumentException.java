package dev.runway.render.funcs;

import dev.runway.render.template.TemplateFunctionException;

/**
 * An argument text/template itself rejects before the function runs (wrong count, wrong Go type, nil for a value
 * type). Go reports these without the {@code error calling X:} prefix, e.g.
 * {@code wrong type for value; expected string; got int}, so the executor should print the message as it is.
 */
public class WrongArgumentException extends TemplateFunctionException {
    public WrongArgumentException(String message) {
        super(message);
    }
}
