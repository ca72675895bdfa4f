package dev.runway.render.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The render's output builders: lent and taken back in nesting order. A stack overflow between a nested execution's
 * borrow and its {@code try} leaves that builder lent; the enclosing execution's return must take it back too, so
 * the overflow (which the render reports as its own error) is not replaced by a bookkeeping failure.
 */
class ExecutionScopeBuildersTest {
    @Test
    void returningABuilderTakesBackTheOnesLentAfterIt() {
        ExecutionScope scope = new ExecutionScope();
        StringBuilder outer = scope.borrowBuilder();
        StringBuilder leaked = scope.borrowBuilder();
        leaked.append("partial");
        scope.returnBuilder(outer);
        // Both are free again: the next two borrows reuse them, emptied, in the same order.
        assertSame(outer, scope.borrowBuilder());
        StringBuilder again = scope.borrowBuilder();
        assertSame(leaked, again);
        assertEquals("", again.toString());
    }

    @Test
    void returningABuilderThatWasNotLentFails() {
        ExecutionScope scope = new ExecutionScope();
        StringBuilder lent = scope.borrowBuilder();
        scope.returnBuilder(lent);
        assertThrows(IllegalStateException.class, () -> scope.returnBuilder(lent));
        assertThrows(IllegalStateException.class, () -> scope.returnBuilder(new StringBuilder()));
    }
}
