/**
 * `items.map(fn)`, always as a packed array. V8's optimised code makes `map` return a holey array
 * where unoptimised code returns a packed one, so an array made by `map` changes kind whenever the
 * function making it is compiled or deoptimised, and every function that reads it and saw only the
 * other kind is deoptimised and compiled again: traced over the benchmark, most of the engine's
 * deoptimisations came from this. Arrays that other steps read are made with this instead.
 */
export function mapPacked<T, U>(items: readonly T[], fn: (item: T) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i] as T));
  return out;
}
