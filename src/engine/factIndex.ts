import type { FocusId } from '../kb/focusSchema.ts';
import type { Fact, Topic } from '../kb/schema.ts';
import type { Analyzer } from './analyze.ts';
import { GENERIC_TERMS } from './lexicon.ts';
import { normalizeText, tokenize } from './normalize.ts';
import { factFocuses, factSubjects, hedgeOf, namesVitamin, type YesNoLead } from './questionFocus.ts';
import type { TopicIndex } from './topicIndex.ts';

/**
 * Every fact of the knowledge base as something a question can match: its terms (from its text,
 * its own keywords and sample questions, and the article's words it quotes), the focuses it can
 * answer, and whether its evidence is missing or mixed. Built once per topic index.
 */

export interface IndexedFact {
  topic: Topic;
  fact: Fact;
  /** `<topic-id>/<fact-id>`. */
  fullId: string;
  /** Terms and how strongly the fact says them (its own words 1, the quoted article 0.5). */
  terms: Map<string, number>;
  focuses: Set<FocusId>;
  /** The subjects it is about (lexicon/focus.json `subjects`): MK-4, MK-7, children… */
  subjects: Set<string>;
  /** The yes/no lead the fact gives: its own `yesNo`, else what its hedges say, else null. */
  lead: YesNoLead | null;
  /** It names vitamin K itself (K2, MK-7…): it can say what the vitamin does. */
  namesVitamin: boolean;
  /** Position in its topic: the first facts are the topic's core. */
  position: number;
  words: number;
}

/** "The article says…", "The Key Takeaways list…": a claim the article makes about K2. */
const ARTICLE_CLAIM = /^The (article|Key Takeaways)\b/;

/** The quoted article counts this much of the fact's own words. */
const QUOTE_WEIGHT = 0.5;

export class FactIndex {
  readonly byTopic = new Map<string, IndexedFact[]>();
  readonly byId = new Map<string, IndexedFact>();
  /** Rarity of each term across facts: a word every fact of a topic has tells them apart less. */
  readonly idf = new Map<string, number>();
  /** Each term a fact defines (its `defines`), as its words joined by spaces, and that fact. */
  readonly definitions = new Map<string, IndexedFact>();
  /** The most words a defined term has. */
  longestDefinedTerm = 0;

  /** @param normalize normalizeText, or a cached copy of it */
  constructor(
    topics: readonly Topic[],
    analyzer: Analyzer,
    normalize: (text: string) => string = normalizeText,
  ) {
    const df = new Map<string, number>();
    let count = 0;
    for (const topic of topics) {
      // A definition-only fact is indexed for its terms alone (definitions), after the topic's own.
      const ordered = [
        ...topic.facts.filter((f) => !f.definitionOnly),
        ...topic.facts.filter((f) => f.definitionOnly),
      ];
      const all: IndexedFact[] = ordered.map((fact, position) => {
        const terms = new Map<string, number>();
        const asked = [...(fact.keywords ?? []), ...(fact.questions ?? [])];
        const own = (fact.askedOnly ? asked : [fact.text, fact.answer ?? '', ...asked]).join(' . ');
        // Surface forms ("=rotterdam") too: the lexicon maps some names to a broader concept.
        if (!fact.askedOnly) {
          const quoted = analyzer.analyze(normalize(fact.quote), false);
          for (const t of [...quoted.terms, ...quoted.surface]) terms.set(t, QUOTE_WEIGHT);
        }
        const said = analyzer.analyze(normalize(own), false);
        for (const t of [...said.terms, ...said.surface]) terms.set(t, 1);
        for (const t of GENERIC_TERMS) terms.delete(t);
        if (!fact.definitionOnly) {
          for (const t of terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
          count++;
        }
        const focusText = `${fact.text} ${(fact.keywords ?? []).join(' ')}`;
        return {
          topic,
          fact,
          fullId: `${topic.id}/${fact.id}`,
          terms,
          focuses: factFocuses(normalize(focusText)),
          subjects: factSubjects(normalize(`${focusText} ${fact.answer ?? ''}`)),
          lead: fact.yesNo ?? hedgeOf(normalize(fact.text)),
          // The article's own claims ("The article says adequate intake may…") are about K2.
          namesVitamin:
            ARTICLE_CLAIM.test(fact.text) || namesVitamin(normalize(`${fact.text} ${fact.answer ?? ''}`)),
          position,
          words: (fact.answer ?? fact.text).split(/\s+/).length,
        };
      });
      this.byTopic.set(
        topic.id,
        all.filter((f) => !f.fact.definitionOnly),
      );
      for (const f of all) {
        this.byId.set(f.fullId, f);
        for (const term of f.fact.defines ?? []) {
          const words = tokenize(normalize(term));
          this.definitions.set(words.join(' '), f);
          this.longestDefinedTerm = Math.max(this.longestDefinedTerm, words.length);
        }
      }
    }
    for (const [t, n] of df) this.idf.set(t, Math.log(1 + count / n));
  }
}

const built = new WeakMap<TopicIndex, FactIndex>();

/** Makes `facts` the fact index of `index`: one restored with it from the build (indexArtifact.ts). */
export function adoptFactIndex(index: TopicIndex, facts: FactIndex): void {
  built.set(index, facts);
}

/** The fact index of a topic index, built on first use and kept with it. */
export function factIndexOf(index: TopicIndex): FactIndex {
  let facts = built.get(index);
  if (!facts) {
    facts = new FactIndex(
      index.entries.map((e) => e.topic),
      index.analyzer,
      index.normalizeKnowledge,
    );
    built.set(index, facts);
  }
  return facts;
}
