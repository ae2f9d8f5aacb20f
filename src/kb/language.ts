import type { AnticoagulantKind, Texts } from './languageSchema.ts';
import { type Language, loadLanguage } from './load.ts';

let repositoryLanguage: Language | undefined;

/**
 * The repository's language files (knowledge/texts.json, knowledge/lexicon/), read once. The
 * engine's word lists and compiled patterns are built from them when its modules load, so they
 * are part of the program: a copy of the knowledge folder given by KNOWLEDGE_DIR is validated
 * (`kb:check`, start-up) but the bot speaks the repository's language.
 */
export function language(): Language {
  repositoryLanguage ??= loadLanguage();
  return repositoryLanguage;
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
