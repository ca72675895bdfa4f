package dev.runway.render.gofmt;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A Go slice with a concrete element type ({@code []string}, {@code []int}) or a nil {@code []interface{}}, where
 * the difference from the default {@code []interface{}} shows: {@code typeOf} prints {@code []string}, and a nil slice
 * marshals to JSON {@code null} while printing as {@code []}.
 */
public final class GoSlice extends AbstractList<Object> implements GoFmt.GoTyped {
    private final List<Object> items;
    private final String elementType;
    private final boolean nil;

    private GoSlice(List<Object> items, String elementType, boolean nil) {
        this.items = items;
        this.elementType = elementType;
        this.nil = nil;
    }

    /** A {@code []string}. */
    public static GoSlice ofStrings(Collection<String> strings) {
        return new GoSlice(new ArrayList<>(strings), "string", false);
    }

    /** A {@code []int}. */
    public static GoSlice ofInts(Collection<Integer> ints) {
        return new GoSlice(new ArrayList<>(ints), "int", false);
    }

    /** A nil {@code []interface{}}: prints as {@code []}, marshals to {@code null}. */
    public static GoSlice nilInterfaces() {
        return new GoSlice(new ArrayList<>(), "interface {}", true);
    }

    /** A nil {@code []string} (Go's regexp returns one when nothing matches). */
    public static GoSlice nilStrings() {
        return new GoSlice(new ArrayList<>(), "string", true);
    }

    public boolean isNil() {
        return nil;
    }

    public String elementType() {
        return elementType;
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public Object set(int index, Object element) {
        return items.set(index, element);
    }

    @Override
    public String goTypeName() {
        return "[]" + elementType;
    }

    @Override
    public String goString() {
        return GoFmt.formatValue(new ArrayList<>(items));
    }
}
