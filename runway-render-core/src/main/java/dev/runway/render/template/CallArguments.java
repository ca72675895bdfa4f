package dev.runway.render.template;

import java.util.ArrayList;
import java.util.BitSet;

/**
 * The evaluated arguments of one function call, as the executor passes them. Besides the values it remembers which
 * arguments were a nil {@code interface {}} (a missing map key read as a field, {@code .Values.missing}) rather than
 * Go's invalid value (a variable or pipeline holding nil, or the literal {@code nil}): text/template's validateType
 * turns the invalid value into a nil map or slice for such a parameter but rejects the nil interface with
 * {@code wrong type for value; expected map[string]interface {}; got interface {}}. So
 * {@code {{ $v := (dict).missing }}{{ hasKey $v "x" }}} prints {@code false} while {@code hasKey .Values.missing "x"}
 * fails, in Helm and here.
 */
public final class CallArguments extends ArrayList<Object> {
    // Created by the first nil interface only: most calls have none, and this object is made for every call.
    private BitSet nilInterfaces;

    public CallArguments(int capacity) {
        super(capacity);
    }

    /** Adds a nil interface value (what reading a missing map key gives). */
    public void addNilInterface() {
        if (nilInterfaces == null) {
            nilInterfaces = new BitSet();
        }
        nilInterfaces.set(size());
        add(null);
    }

    /** True when argument {@code i} of {@code args} is a nil interface value read from a map or list. */
    public static boolean isNilInterface(java.util.List<Object> args, int i) {
        return args instanceof CallArguments c && c.nilInterfaces != null && c.nilInterfaces.get(i);
    }
}
