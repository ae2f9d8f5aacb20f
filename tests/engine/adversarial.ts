import { type AST, RegExpParser } from '@eslint-community/regexpp';
import { MAX_INPUT_CHARS } from '../../src/engine/normalize.ts';
import type { EngineRegex } from './regexInventory.ts';

/**
 * Messages built to make the engine's own rules backtrack: for one regular expression, text that
 * follows the pattern (its own words, in its own order) with one repeated part pumped up to the
 * length cap, then a tail that makes the match fail at the last moment. This is how the message that
 * once froze the bot was made ("took " + "all the " x 30 + a word), generalised to every rule.
 */

/** Characters tried, in order, when a character class or \w, \s, . must produce one. */
const CANDIDATE_CHARS = [
  ' ',
  'a',
  'e',
  's',
  't',
  '0',
  '1',
  'x',
  '-',
  "'",
  '\n',
  '.',
  '?',
  '!',
  ',',
  '/',
  '%',
  'é',
];
/** Tails that end a pumped run: nothing, a near-miss letter, punctuation the rules stop at. */
export const TAILS = ['', 'x', '!', ' zq', '.', '?', ' 0'] as const;

/** A small seeded generator (mulberry32): the same seed gives the same messages everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ParsedRule {
  regex: EngineRegex;
  pattern: AST.Pattern;
  /** Quantifiers that can repeat more than a few times: the parts worth pumping. */
  pumpable: AST.Quantifier[];
}

export function parseRule(regex: EngineRegex): ParsedRule {
  const pattern = new RegExpParser().parsePattern(regex.source, 0, regex.source.length, {
    unicode: regex.flags.includes('u'),
    unicodeSets: regex.flags.includes('v'),
  });
  const pumpable: AST.Quantifier[] = [];
  const visit = (node: AST.Node): void => {
    if (node.type === 'Quantifier') {
      if (node.max >= 3) pumpable.push(node);
      visit(node.element);
    } else if (node.type === 'Pattern' || node.type === 'Group' || node.type === 'CapturingGroup') {
      for (const a of node.alternatives) visit(a);
    } else if (node.type === 'Alternative') {
      for (const e of node.elements) visit(e);
    }
  };
  visit(pattern);
  return { regex, pattern, pumpable };
}

const charCache = new Map<string, string>();

/** One character the class or set matches (a space or a letter when it can). */
function sampleChar(
  node: AST.CharacterClass | AST.CharacterSet | AST.ExpressionCharacterClass,
  flags: string,
): string {
  const key = `${node.raw}/${flags}`;
  const cached = charCache.get(key);
  if (cached !== undefined) return cached;
  const re = new RegExp(`^(?:${node.raw})$`, flags.replace(/[gy]/g, ''));
  const found = CANDIDATE_CHARS.find((c) => re.test(c)) ?? '';
  charCache.set(key, found);
  return found;
}

/** The first choice inside a repeated part: which word of a repeated word list it is. */
function choicePoint(node: AST.Node): AST.Group | AST.CapturingGroup | null {
  if (node.type === 'Group' || node.type === 'CapturingGroup') {
    if (node.alternatives.length > 1) return node;
    const only = node.alternatives[0];
    return only ? choicePoint(only) : null;
  }
  if (node.type === 'Alternative') {
    for (const e of node.elements) {
      const found = choicePoint(e);
      if (found) return found;
    }
  }
  return null;
}

export interface Pump {
  quantifier: AST.Quantifier;
  /** Which alternative of the repeated part's first choice every repetition takes. */
  choice: number;
}

/**
 * Text following the rule's pattern, choosing alternatives with `random`. The pumped quantifier
 * repeats one and the same text (its choice forced, the rest fixed by `seed`) until the text
 * reaches `budget` characters: repeating one reading is what makes a backtracking engine retry
 * every split of it. Other quantifiers repeat a little.
 */
function follow(rule: ParsedRule, seed: number, pump: Pump | null, budget: number): string {
  let out = '';
  let random = seededRandom(seed);
  const flags = rule.regex.flags;
  const forced = pump ? choicePoint(pump.quantifier.element) : null;
  const emit = (node: AST.Node): void => {
    if (out.length > budget) return;
    switch (node.type) {
      case 'Character':
        out += String.fromCodePoint(node.value);
        break;
      case 'CharacterClass':
      case 'CharacterSet':
      case 'ExpressionCharacterClass':
        out += sampleChar(node, flags);
        break;
      case 'Pattern':
      case 'Group':
      case 'CapturingGroup': {
        const n = node.alternatives.length;
        const index = node === forced && pump ? pump.choice % n : Math.floor(random() * n);
        const a = node.alternatives[index];
        if (a) emit(a);
        break;
      }
      case 'Alternative':
        for (const e of node.elements) emit(e);
        break;
      case 'Quantifier': {
        if (pump && node === pump.quantifier) {
          const outer = random;
          while (out.length < budget) {
            const before = out.length;
            random = seededRandom(seed + 1);
            emit(node.element);
            if (out.length === before) break;
          }
          random = outer;
        } else {
          const extra = Math.min(node.max - node.min, 2);
          const times = node.min + Math.floor(random() * (extra + 1));
          for (let i = 0; i < times; i++) emit(node.element);
        }
        break;
      }
      default:
        // Assertions and back-references add no text.
        break;
    }
  };
  emit(rule.pattern);
  return out;
}

/**
 * One adversarial message for a rule: the text before the pumped part, the pumped part up to the
 * length cap, and a tail. `pumpIndex` picks the quantifier to pump and `choice` the word it
 * repeats (both modulo their number).
 */
export function adversarialMessage(
  rule: ParsedRule,
  seed: number,
  pumpIndex: number,
  choice: number,
  tail: string,
  length: number = MAX_INPUT_CHARS,
): string {
  const quantifier = rule.pumpable[pumpIndex % Math.max(1, rule.pumpable.length)];
  const pump = quantifier ? { quantifier, choice } : null;
  const text = follow(rule, seed, pump, length - tail.length);
  return text.slice(0, length - tail.length) + tail;
}

/** Words of a repeated part tried one by one in the fixed sweep (longer lists are sampled). */
const MAX_SWEPT_CHOICES = 40;

/**
 * The fixed sweep: for every rule, every quantifier that can repeat and every word it can repeat
 * (up to MAX_SWEPT_CHOICES), the message that pumps it, with the tails taken in turn.
 * `npm run bench` and the property test both run it.
 */
export function sweepMessages(rules: readonly ParsedRule[]): string[] {
  const out: string[] = [];
  let n = 0;
  for (const rule of rules) {
    for (let p = 0; p < Math.max(1, rule.pumpable.length); p++) {
      const quantifier = rule.pumpable[p];
      const point = quantifier ? choicePoint(quantifier.element) : null;
      const choices = Math.min(point ? point.alternatives.length : 1, MAX_SWEPT_CHOICES);
      for (let c = 0; c < choices; c++) {
        out.push(adversarialMessage(rule, n, p, c, TAILS[n % TAILS.length] as string));
        n++;
      }
    }
  }
  return out;
}
