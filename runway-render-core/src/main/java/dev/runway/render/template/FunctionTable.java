package dev.runway.render.template;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An unmodifiable name -> function map that creates each function on the first lookup of its name. A chart calls a
 * few dozen of the library's two hundred functions; creating all of them up front linked a lambda class for each in
 * every fresh JVM (a tenth of a first render's time). The names are known from the start, so {@link #containsKey},
 * {@link #keySet} and {@link #size} answer without creating anything; {@link #get} creates the function once and then
 * returns the same instance. Safe to share between threads. A {@link TemplateSet} keeps a table as it is instead of
 * copying it (a copy would create every function).
 */
public final class FunctionTable extends AbstractMap<String, TemplateFunction> {
    private final Set<String> names;
    private final Function<String, TemplateFunction> factory;
    private final Map<String, TemplateFunction> created = new ConcurrentHashMap<>();

    /**
     * @param names the table's names, in the order {@link #keySet} lists them
     * @param factory creates the function of one of the names (never null for them); called at most once per name
     *     unless two threads look a name up at the same moment, and it must not look up names in this table
     */
    public FunctionTable(Collection<String> names, Function<String, TemplateFunction> factory) {
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
        this.factory = factory;
    }

    @Override
    public TemplateFunction get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        TemplateFunction known = created.get(name);
        if (known != null || !names.contains(name)) {
            return known;
        }
        TemplateFunction fresh = factory.apply(name);
        if (fresh == null) {
            throw new IllegalStateException("the function table lists " + name + " but cannot create it");
        }
        TemplateFunction raced = created.putIfAbsent(name, fresh);
        return raced != null ? raced : fresh;
    }

    @Override
    public boolean containsKey(Object key) {
        return names.contains(key);
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public Set<String> keySet() {
        return names;
    }

    /** The entries create every function: iterate {@link #keySet} to list names only. */
    @Override
    public Set<Map.Entry<String, TemplateFunction>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, TemplateFunction>> iterator() {
                Iterator<String> keys = names.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return keys.hasNext();
                    }

                    @Override
                    public Map.Entry<String, TemplateFunction> next() {
                        String name = keys.next();
                        return new AbstractMap.SimpleImmutableEntry<>(name, get(name));
                    }
                };
            }

            @Override
            public int size() {
                return names.size();
            }
        };
    }
}
