/**
 * Bounded tables of answers worked out once and reused across renders ({@link dev.runway.render.memo.BoundedMemo}):
 * the one place that decides how a cache fed by outside input stays small. It depends on nothing else here.
 */
package dev.runway.render.memo;
