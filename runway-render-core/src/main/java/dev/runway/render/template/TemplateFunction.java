package dev.runway.render.template;

import dev.runway.render.gofmt.GoValues;
import java.util.List;

/**
 * A function callable from a template ({@code {{ quote .Values.x }}}), in the shape of one entry of Go's
 * {@code template.FuncMap}. Arguments and results follow the Go value model of {@code dev.runway.render.gofmt}.
 * A function reports failure by throwing {@link TemplateFunctionException}; the executor wraps the message the way
 * Go's text/template does ({@code error calling quote: ...}).
 */
@FunctionalInterface
public interface TemplateFunction extends GoValues.GoFunc {
    Object call(FunctionContext context, List<Object> args) throws TemplateFunctionException;
}
