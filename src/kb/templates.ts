/**
 * Sentences with `{placeholders}` (knowledge/texts.json). Kept apart from languageSchema.ts, which
 * validates them with zod, so that an answer worker, handed language files the main thread already
 * validated, fills them without loading zod.
 */

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** The placeholder names a sentence holds, in order, repeats included. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Fills a template's `{placeholders}`; the schema guarantees each one is present. */
export function fillText(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
