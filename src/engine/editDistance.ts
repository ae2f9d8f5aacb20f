/**
 * The last row of the optimal-string-alignment table (a swap counts as one edit) from `a` to the
 * prefixes of `b`: entry j is the distance from all of `a` to `b`'s first j letters. Null as soon as
 * every entry of a row is over `max`, since later rows only grow.
 */
function lastRow(a: string, b: string, max: number): number[] | null {
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      }
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return null;
    prevPrev = prev;
    prev = cur;
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
  return row ? Math.min(...row) : max + 1;
}
