import { z } from 'zod';
import { CATEGORIES } from './categories.ts';

export { CATEGORIES } from './categories.ts';

/**
 * The single source of the knowledge-base types. Every file under `knowledge/` is validated
 * against these schemas at load time, and `npm run kb:schema` writes JSON Schemas from them
 * so editors can check the files while they are being written.
 */

const topicId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const EVIDENCE_KINDS = [
  'mechanism',
  'lab-or-animal',
  'observational',
  'small-trial',
  'trial',
  'meta-analysis',
  'official-guidance',
  'article-claim',
] as const;

/**
 * A fact's id: a short kebab-case slug saying what the fact is about (`excretion`, `natto-amount`),
 * unique within its topic. Elsewhere a fact is named `<topic-id>/<slug>`.
 */
const factSlug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a kebab-case slug: lowercase letters, digits and single dashes',
  )
  .max(40, 'a fact id is a short slug (40 characters at most)');

/** A fact named from anywhere in the knowledge base: `<topic-id>/<fact-id>`. */
export const fullFactId = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a full fact id: <topic-id>/<fact-id>',
  );

/** One statement the bot may make, tied to the article's exact words. */
export const factSchema = z.strictObject({
  /** Stable slug; the answer reports `<topic-id>/<id>` for each fact it shows. */
  id: factSlug,
  /** The fact as the bot says it: neutral, reported ("the article says", "studies used"), never an instruction. */
  text: nonEmpty,
  /** The article's words, verbatim (whitespace-normalised); a test proves they occur in the article. */
  quote: nonEmpty,
  /** The article heading the quote sits under. */
  section: nonEmpty,
  evidence: z.enum(EVIDENCE_KINDS).optional(),
  /**
   * The fact said answer-first, used when it leads a reply: the figure, unit and basis first for an
   * amount; the correct fact before what the article says. Reported wording, like `text`.
   */
  answer: nonEmpty.optional(),
  /** The short answer a yes/no question about this fact's point gets. */
  yesNo: z.enum(['yes', 'no', 'not-known', 'depends']).optional(),
  /**
   * The yes/no claims this fact answers, each with its answer ("K2 thins the blood": no). A yes/no
   * question opens with "Yes."/"No." only when it asks one of these claims (yesNoClaims.ts), read
   * with its own wording: "is natto risky on warfarin?" asks the opposite of "is natto safe …?".
   */
  answers: z
    .array(
      z.strictObject({
        /** The claim as a plain statement: "K2 is safe with warfarin". */
        claim: nonEmpty.max(120),
        polarity: z.enum(['yes', 'no', 'not-known', 'depends', 'mixed']),
      }),
    )
    .optional(),
  /**
   * The facts that give the reason for this one, as `<topic-id>/<fact-id>`: "why?" after it shows
   * them ("MK-7 is more effective" → its half-life). Checked to exist when the knowledge loads.
   */
  because: z.array(fullFactId).min(1).optional(),
  /**
   * The terms this fact defines ("k2", "menaquinone"): "what is K2?", "what does INR mean?" lead
   * with it (definitionAsked.ts). A term is defined by one fact only, checked when the knowledge loads.
   */
  defines: z.array(nonEmpty).min(1).optional(),
  /**
   * The fact only says what its `defines` terms mean ("Half-life is the time…"): it answers a
   * request for one of them and is never picked for any other question, nor searched as the topic's
   * text, so a glossary line does not crowd out the facts that answer.
   */
  definitionOnly: z.literal(true).optional(),
  /**
   * The fact answers only when its own `keywords` or `questions` are asked: an overview of the
   * whole article ("the article in short", "where it is wrong") shares words with every topic and
   * would otherwise answer questions about any of them. Its text is not searched as the topic's.
   */
  askedOnly: z.literal(true).optional(),
  /** Words people use for this one fact beyond the topic's own keywords ("urine", "kidneys"). */
  keywords: z.array(nonEmpty).optional(),
  /** How people ask for this one fact; matched like the topic's questions. */
  questions: z.array(nonEmpty).optional(),
});
export type Fact = z.infer<typeof factSchema>;

/** Where the article is wrong or contradicts itself: a short note with an authoritative reference. */
export const correctionSchema = z.strictObject({
  /** One or two sentences shown with the answer. */
  note: nonEmpty.max(400, 'a correction note is one or two sentences (400 characters at most)'),
  /** NIH ODS, EFSA, IOM, or a peer-reviewed paper by DOI/PMID. */
  references: z.array(nonEmpty).min(1, 'a correction needs at least one authoritative reference'),
  /** IDs from fact-check.md (I-01 … I-15, C-01 … C-88). */
  factCheckIds: z.array(z.string().regex(/^(I|C)-\d{2}$/, 'must look like I-04 or C-22')).min(1),
  /**
   * The topic's facts (ids) this correction is about: an answer shows it only beside one of them;
   * otherwise it waits behind "More".
   */
  facts: z.array(factSlug).optional(),
});
export type Correction = z.infer<typeof correctionSchema>;

export const topicSchema = z.strictObject({
  id: topicId,
  title: nonEmpty.max(100, 'Discord shows at most 100 characters for a choice name'),
  category: categorySchema,
  /** The article headings this topic covers. */
  sections: z.array(nonEmpty).min(1),
  /** The short answer shown first (Discord embeds show it above the fold). */
  summary: nonEmpty.max(600),
  /**
   * The answer in everyday words, for "in simple words?" or "explain like im 10" after a reply:
   * no jargon, few figures, the hedges kept.
   */
  plain: nonEmpty.max(300).optional(),
  facts: z
    .array(factSchema)
    .min(1)
    .superRefine((facts, ctx) => {
      const seen = new Set<string>();
      facts.forEach((fact, i) => {
        if (seen.has(fact.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `duplicate fact id "${fact.id}"; fact ids are unique within a topic`,
          });
        }
        seen.add(fact.id);
      });
    }),
  corrections: z.array(correctionSchema).default([]),
  /** Words and phrases people use for this topic; weighted in search. */
  keywords: z.array(nonEmpty).min(1),
  /** How people really ask: used for matching and for autocomplete suggestions. */
  questions: z.array(nonEmpty).min(3),
  related: z.array(topicId).default([]),
  /** True when the topic touches blood clotting or anticoagulants: the warning then leads. */
  anticoagulantRelevant: z.boolean().default(false),
  /** Shown when the autocomplete box is empty. */
  popular: z.boolean().default(false),
  /**
   * A notice this topic's answers carry in some cases: "doac" when the question names a DOAC or
   * an antiplatelet (the article's caution is about warfarin-type drugs), "pregnancy" when it is
   * about the asker's own natto, supplements or doses (ask the OB or midwife).
   */
  notice: z.enum(['doac', 'pregnancy']).optional(),
});
export type Topic = z.infer<typeof topicSchema>;

/**
 * Editors find the generated JSON Schema through a top-level `"$schema"` key. It is allowed in
 * every knowledge file but is not part of the knowledge, so the loader drops it.
 */
const schemaReference = { $schema: z.string().optional() };

/** A topic file on disk: a topic plus the optional editor schema reference. */
export const topicFileSchema = topicSchema.extend(schemaReference);

const amountSchema = z
  .strictObject({
    min: z.number().nonnegative(),
    max: z.number().nonnegative(),
    unit: z.enum(['mcg', 'mg']),
  })
  .refine((a) => a.max >= a.min, { message: 'max must be at least min', path: ['max'] });

export const foodSchema = z.strictObject({
  id: topicId,
  name: nonEmpty,
  /** null where the article gives no figure ("small amounts", "trace levels"). */
  amount: amountSchema.nullable(),
  /** What the amount is per: "tablespoon", "100 g". null when there is no amount. */
  basis: nonEmpty.nullable(),
  /** The article's own qualitative words ("small but helpful amounts"). */
  articleSays: nonEmpty,
  quote: nonEmpty,
  section: nonEmpty,
  correction: correctionSchema.optional(),
  /** The words people name the food by ("gouda"), for the portion that reaches an amount asked. */
  named: z.array(nonEmpty).min(1).optional(),
});
export type Food = z.infer<typeof foodSchema>;

export const foodsFileSchema = z.strictObject({
  ...schemaReference,
  foods: z.array(foodSchema).min(1),
});

export const doseSchema = z.strictObject({
  id: topicId,
  /** Who the figure is about: "adult men", "pregnant or breastfeeding", "osteoporosis (Japan)". */
  group: nonEmpty,
  amount: amountSchema.nullable(),
  form: z.enum(['vitamin K (total)', 'K2 (any)', 'MK-4', 'MK-7']),
  /** Reported wording ("the article gives …", "studies used …"), never an instruction. */
  text: nonEmpty,
  quote: nonEmpty,
  section: nonEmpty,
  correction: correctionSchema.optional(),
});
export type Dose = z.infer<typeof doseSchema>;

export const dosesFileSchema = z.strictObject({
  ...schemaReference,
  doses: z.array(doseSchema).min(1),
});

export const metaSchema = z.strictObject({
  /** Bumped whenever the knowledge changes; shown by /about. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version like 1.0.0'),
  /** ISO date of the last review against the fact-check. */
  reviewedOn: z.iso.date(),
  article: z.strictObject({
    title: nonEmpty,
    /** Path of the article copy, relative to the knowledge folder. */
    file: nonEmpty,
  }),
});
export type KnowledgeMeta = z.infer<typeof metaSchema>;

/** meta.json on disk: the metadata plus the optional editor schema reference. */
export const metaFileSchema = metaSchema.extend(schemaReference);

export interface KnowledgeBase {
  meta: KnowledgeMeta;
  topics: Topic[];
  foods: Food[];
  doses: Dose[];
  /** The article's full text, for provenance checks. */
  articleText: string;
}
