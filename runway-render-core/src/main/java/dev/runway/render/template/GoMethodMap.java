package dev.runway.render.template;

import java.util.AbstractMap;

/**
 * A map with Go methods, such as Helm's {@code Values}: keys read as fields, and a method wins over a key of the same
 * name. The executor recognises it with a class check. Checking a value against an interface (first {@code Map},
 * then {@code GoMethodSet}) makes HotSpot overwrite the class's one-entry cache of interfaces it was last checked
 * against, on every {@code .Values.key} read; a class check reads a fixed table and writes nothing, so threads
 * rendering at once do not keep taking that cache line from each other (JDK-8180450).
 */
public abstract class GoMethodMap extends AbstractMap<String, Object> implements GoMethodSet {}
