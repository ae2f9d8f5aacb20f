/**
 * A pure function of one text that remembers its last text and result. The steps of one answer
 * read the same text several times (the engine normalises a message before and inside the
 * answer; the score, focus and compose steps each look for its question clause): the second
 * reading is free. Only for functions whose result callers never change.
 */
export function rememberLast<R>(fn: (text: string) => R): (text: string) => R {
  let lastText: string | undefined;
  let lastResult: R;
  return (text: string): R => {
    if (text !== lastText) {
      lastResult = fn(text);
      lastText = text;
    }
    return lastResult;
  };
}
