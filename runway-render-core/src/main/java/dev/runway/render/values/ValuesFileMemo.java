package dev.runway.render.values;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values files of one run (one plan, its renders and its checks), each read once. Without it a file is read
 * and parsed at every merge: the planner's to find the service id, the render's, and verify's checks' (the handshake,
 * the finding locator), for every environment, while all environments share {@code .runway/values.yaml} (issue 19).
 *
 * <p>A run reads each file once, as {@code helm template} does: a file changed while the run goes on is not read
 * again, so the plan, the renders and the checks all see the same values. Only files read without error are kept: a
 * broken file fails the plan, and would fail any later read with the same message. The memo lives as long as the run
 * that made it and holds one entry per distinct values file the run names (no static cache).
 *
 * <p>The documents are shared by every merge of the run. They are never changed: {@link UserValues} merges a deep
 * copy of each document's values ({@link ValueTrees#mutableCopy}), so a merge, a {@code --set} or a render of one
 * environment cannot reach another environment's values.
 */
public final class ValuesFileMemo {

    /**
     * A file as one merge names it; Helm 4 reads all of a file's YAML documents, Helm 3 the first. Its equals and
     * hashCode are written out: a record's own are linked at first use through java.lang.runtime.ObjectMethods, which
     * spins about 50 method-handle classes (issue 19: the first hashCode of a record took 50 to 73 ms in a fresh JVM
     * whose lambdas were already linked, under 4 ms written out; 2026-12-07, a busy 2-core machine).
     */
    private record Key(Path file, String name, boolean allDocuments) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && file.equals(key.file)
                    && name.equals(key.name)
                    && allDocuments == key.allDocuments;
        }

        @Override
        public int hashCode() {
            return (file.hashCode() * 31 + name.hashCode()) * 31 + Boolean.hashCode(allDocuments);
        }
    }

    private final ValuesFiles files;
    private final Map<Key, List<ValuesDocument>> read = new HashMap<>();

    /** A memo reading with the default limits and Helm's YAML reading ({@link ValuesFiles#standard()}). */
    public ValuesFileMemo() {
        this(ValuesFiles.standard());
    }

    /** A memo reading with {@code files}. */
    public ValuesFileMemo(ValuesFiles files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    /** How the memo reads a file it has not read yet. */
    public ValuesFiles files() {
        return files;
    }

    /**
     * The file's documents, read on the first call. Synchronized: verify checks later environments on a second
     * thread while the first is checked, and a file is still read once.
     */
    synchronized List<ValuesDocument> read(Path file, String name, boolean allDocuments) {
        Key key = new Key(file, name, allDocuments);
        List<ValuesDocument> documents = read.get(key);
        if (documents == null) {
            documents = allDocuments ? List.copyOf(files.readDocuments(file, name)) : List.of(files.read(file, name));
            read.put(key, documents);
        }
        return documents;
    }
}
