import type { AnticoagulantKind, Texts } from './languageSchema.ts';
import { type Language, loadLanguage } from './load.ts';

let languageInUse: Language | undefined;

/**
 * The language files (knowledge/texts.json, knowledge/lexicon/) this thread speaks: the ones given
 * to {@link installLanguage}, otherwise the repository's, read once. The engine's word lists and
 * compiled patterns are built from them when its modules load, so they are fixed for the life of
 * a thread: a knowledge reload takes new language files by starting new answer worker threads.
 */
export function language(): Language {
  languageInUse ??= loadLanguage();
  return languageInUse;
}

/**
 * Makes this thread speak already validated language files (those of KNOWLEDGE_DIR, or of a
 * reload), if it speaks none yet. Must run before the engine's modules are imported: they read the
 * language when they load. Returns false, changing nothing, when the thread already speaks one
 * (those modules could not follow a change); a new thread takes a new language.
 */
export function installLanguage(next: Language): boolean {
  if (languageInUse) return languageInUse === next;
  languageInUse = next;
  return true;
}

/** The fixed texts; shorthand for `language().texts`. */
export function texts(): Texts {
  return language().texts;
}

/**
 * Spellings from the one anticoagulant list: of the given kinds (all kinds when none are given),
 * and only those the emergency gate reads when `gateOnly` is set.
 */
export function anticoagulantSpellings(
  options: { kinds?: readonly AnticoagulantKind[]; gateOnly?: boolean } = {},
): string[] {
  return language()
    .anticoagulants.filter((drug) => !options.kinds || options.kinds.includes(drug.kind))
    .filter((drug) => !options.gateOnly || drug.gate)
    .flatMap((drug) => drug.spellings);
}
