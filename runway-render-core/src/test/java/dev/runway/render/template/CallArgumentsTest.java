package dev.runway.render.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CallArguments keeps its first four values in fields and the rest in an array; it must read as a plain list. */
class CallArgumentsTest {

    @Test
    void holdsAnyNumberOfArgumentsInOrderWhateverTheCapacityHint() {
        for (int capacity : new int[] {0, 1, 4, 5, 9}) {
            CallArguments args = new CallArguments(capacity);
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                Object v = i % 3 == 0 ? null : "v" + i;
                args.add(v);
                expected.add(v);
                assertEquals(expected, args);
                assertEquals(expected, new ArrayList<>(args));
                assertEquals(expected.subList(0, i / 2), args.subList(0, i / 2));
            }
            assertThrows(IndexOutOfBoundsException.class, () -> args.get(11));
            assertThrows(IndexOutOfBoundsException.class, () -> args.get(-1));
        }
    }

    @Test
    void setReplacesInPlaceOnBothSidesOfTheInlineFields() {
        CallArguments args = new CallArguments(2);
        args.addAll(Arrays.asList("a", "b", "c", "d", "e", "f"));
        assertEquals("b", args.set(1, "B"));
        assertEquals("f", args.set(5, "F"));
        assertEquals(List.of("a", "B", "c", "d", "e", "F"), args);
    }

    @Test
    void remembersWhichArgumentsWereNilInterfaces() {
        CallArguments args = new CallArguments(6);
        args.add(Map.of());
        args.addNilInterface();
        args.add(null);
        args.add("x");
        args.add("y");
        args.addNilInterface();
        assertEquals(6, args.size());
        assertTrue(CallArguments.isNilInterface(args, 1));
        assertTrue(CallArguments.isNilInterface(args, 5));
        assertFalse(CallArguments.isNilInterface(args, 2));
        assertFalse(CallArguments.isNilInterface(args, 0));
        assertFalse(CallArguments.isNilInterface(new ArrayList<>(args), 1));
    }
}
