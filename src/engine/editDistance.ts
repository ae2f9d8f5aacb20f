/**
 * Three rows of the table, reused by every call rather than allocated per row: the distances run
 * for every word of every message (typo correction, the gate's typo pass, autocomplete).
 */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * The last row of the optimal-string-alignment table (a swap counts as one edit) from `a` to the
 * prefixes of `b`: entry j is the distance from all of `a` to `b`'s first j letters. Null as soon as
 * every entry of a row is over `max`, since later rows only grow. The row is shared (read it before
 * the next call) and may be longer than `b.length + 1`: what lies beyond is not part of it.
 */
function lastRow(a: string, b: string, max: number): Int32Array | null {
  const width = b.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width), new Int32Array(width), new Int32Array(width)];
  let [prevPrev, prev, cur] = rows;
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return null;
    const spare = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = spare;
  }
  return prev;
}

/** Optimal-string-alignment distance (a swap counts as one edit), cut off above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const row = lastRow(a, b, max);
  return row ? (row[b.length] as number) : max + 1;
}

/**
 * The fewest edits (as in `editDistance`) that turn `partial` into some prefix of `word`: how far
 * a half-typed word is from being the start of `word` ("osteoper" is one edit from "osteopor…").
 * Cut off above `max`.
 */
export function prefixEditDistance(partial: string, word: string, max: number): number {
  if (partial.length - word.length > max) return max + 1;
  const row = lastRow(partial, word, max);
  // The whole partial is read; the rest of `word` may follow unread.
  if (!row) return max + 1;
  let least = row[0] as number;
  for (let j = 1; j <= word.length; j++) if ((row[j] as number) < least) least = row[j] as number;
  return least;
}
