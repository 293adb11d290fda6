/**
 * A copy of a table keyed by words, with no prototype: looking up a word such as "constructor",
 * "toString" or "hasOwnProperty" finds nothing, instead of one of Object's own functions (a text
 * with those words must be read like any other).
 */
export function withoutPrototype<T>(table: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, table);
}
