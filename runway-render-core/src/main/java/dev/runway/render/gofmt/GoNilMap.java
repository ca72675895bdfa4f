package dev.runway.render.gofmt;

import java.util.AbstractMap;
import java.util.Set;

/** A nil {@code map[string]interface{}}: empty when read or printed ({@code map[]}), JSON {@code null}. */
public final class GoNilMap extends AbstractMap<String, Object> {
    public static final GoNilMap INSTANCE = new GoNilMap();

    private GoNilMap() {}

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }
}
