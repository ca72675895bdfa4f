package dev.runway.render.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds values of the Go value model (see HELPERS contract) from fuzzer bytes, nested up to a depth. */
final class FuzzValues {

    private FuzzValues() {}

    static Object goValue(FuzzedDataProvider data, int depth) {
        int kind = data.consumeInt(0, depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> null;
            case 1 -> data.consumeString(24);
            case 2 -> data.consumeBoolean();
            case 3 -> data.consumeLong();
            case 4 -> data.consumeInt();
            case 5 -> data.consumeDouble();
            case 6 -> data.consumeBytes(8);
            case 7 -> {
                List<Object> list = new ArrayList<>();
                int size = data.consumeInt(0, 3);
                for (int i = 0; i < size; i++) {
                    list.add(goValue(data, depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                int size = data.consumeInt(0, 3);
                for (int i = 0; i < size; i++) {
                    map.put(data.consumeString(8), goValue(data, depth - 1));
                }
                yield map;
            }
        };
    }
}
