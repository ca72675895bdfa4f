package dev.runway.render.template;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The evaluated arguments of one function call, as the executor passes them. Besides the values it remembers which
 * arguments were a nil {@code interface {}} (a missing map key read as a field, {@code .Values.missing}) rather than
 * Go's invalid value (a variable or pipeline holding nil, or the literal {@code nil}): text/template's validateType
 * turns the invalid value into a nil map or slice for such a parameter but rejects the nil interface with
 * {@code wrong type for value; expected map[string]interface {}; got interface {}}. So
 * {@code {{ $v := (dict).missing }}{{ hasKey $v "x" }}} prints {@code false} while {@code hasKey .Values.missing "x"}
 * fails, in Helm and here.
 */
public final class CallArguments extends AbstractList<Object> implements RandomAccess {
    // The first arguments live in fields, the rest in an array made only for longer calls: this object is made for
    // every function call, and most calls have at most four arguments (an ArrayList was two objects each time).
    private Object a0;
    private Object a1;
    private Object a2;
    private Object a3;
    private Object[] more;
    private int size;

    // Created by the first nil interface only: most calls have none.
    private BitSet nilInterfaces;

    /** {@code capacity}: how many arguments the call will have at most (only a hint). */
    public CallArguments(int capacity) {
        if (capacity > INLINE) {
            more = new Object[capacity - INLINE];
        }
    }

    private static final int INLINE = 4;

    @Override
    public boolean add(Object value) {
        int i = size;
        if (i >= INLINE) {
            int j = i - INLINE;
            if (more == null) {
                more = new Object[INLINE];
            } else if (j == more.length) {
                more = Arrays.copyOf(more, 2 * more.length);
            }
        }
        size = i + 1;
        store(i, value);
        modCount++;
        return true;
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, size);
        return switch (index) {
            case 0 -> a0;
            case 1 -> a1;
            case 2 -> a2;
            case 3 -> a3;
            default -> more[index - INLINE];
        };
    }

    @Override
    public Object set(int index, Object value) {
        Object old = get(index);
        store(index, value);
        return old;
    }

    private void store(int index, Object value) {
        switch (index) {
            case 0 -> a0 = value;
            case 1 -> a1 = value;
            case 2 -> a2 = value;
            case 3 -> a3 = value;
            default -> more[index - INLINE] = value;
        }
    }

    @Override
    public int size() {
        return size;
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
