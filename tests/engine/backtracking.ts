import { type AST, RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';

/**
 * Super-linear backtracking in one regular expression, by two static analyses:
 *
 * - scslre finds quantifiers that can trade a repeated character between them, or retry it from
 *   every start position (polynomial), and some exponential cases;
 * - a repeated group of a finite word list ("(all|all the|the) )*") is exponential when a run of
 *   its words can be read two ways. The Sardinas–Patterson test decides that exactly; scslre
 *   cannot, because the repeated unit is a word, not one character.
 *
 * Returns one line per problem; empty means linear as far as both can tell.
 */
export function backtrackingProblems(source: string, flags: string): string[] {
  const problems: string[] = [];
  const { reports } = analyse(new RegExp(source, flags));
  for (const r of reports) {
    const what = r.exponential ? 'exponential' : 'polynomial';
    const quantifier = r.type === 'Trade' ? r.startQuant : r.quant;
    problems.push(`${what} (${r.type}) at ${JSON.stringify(quantifier.raw.slice(0, 60))}`);
  }
  const pattern = new RegExpParser().parsePattern(source, 0, source.length, {
    unicode: flags.includes('u'),
    unicodeSets: flags.includes('v'),
  });
  forEachNode(pattern, (node) => {
    if (node.type !== 'Quantifier' || node.max <= MAX_EXPANDED_REPEAT) return;
    const words = finiteStrings(node.element);
    if (words && !uniquelyDecodable(words)) {
      problems.push(`exponential (ambiguous repeated words) at ${JSON.stringify(node.raw.slice(0, 60))}`);
    }
  });
  return problems;
}

/** Bounded repeats up to this many are expanded into words; longer ones are left to scslre. */
const MAX_EXPANDED_REPEAT = 4;
/** Word lists larger than this are not expanded (none of ours comes close). */
const MAX_WORDS = 5000;

function forEachNode(node: AST.Node, visit: (node: AST.Node) => void): void {
  visit(node);
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      for (const a of node.alternatives) forEachNode(a, visit);
      break;
    case 'Assertion':
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') {
        for (const a of node.alternatives) forEachNode(a, visit);
      }
      break;
    case 'Alternative':
      for (const e of node.elements) forEachNode(e, visit);
      break;
    case 'Quantifier':
      forEachNode(node.element, visit);
      break;
    default:
      break;
  }
}

/**
 * Every string a node can match, when that is a small finite set of literal text. Assertions
 * (\b, lookarounds) count as matching the empty string: they only remove readings, so ignoring
 * them can only report more, never less.
 */
function finiteStrings(node: AST.Node): Set<string> | null {
  switch (node.type) {
    case 'Character':
      return new Set([String.fromCodePoint(node.value)]);
    case 'Assertion':
      return new Set(['']);
    case 'CharacterClass': {
      if (node.negate) return null;
      const out = new Set<string>();
      for (const e of node.elements) {
        if (e.type !== 'Character') return null;
        out.add(String.fromCodePoint(e.value));
      }
      return out;
    }
    case 'Group':
    case 'CapturingGroup': {
      const out = new Set<string>();
      for (const a of node.alternatives) {
        const strings = finiteStrings(a);
        if (!strings) return null;
        for (const s of strings) out.add(s);
        if (out.size > MAX_WORDS) return null;
      }
      return out;
    }
    case 'Alternative': {
      let out = new Set<string>(['']);
      for (const e of node.elements) {
        const strings = finiteStrings(e);
        if (!strings) return null;
        const next = new Set<string>();
        for (const a of out) for (const b of strings) next.add(a + b);
        if (next.size > MAX_WORDS) return null;
        out = next;
      }
      return out;
    }
    case 'Quantifier': {
      if (node.max > MAX_EXPANDED_REPEAT) return null;
      const unit = finiteStrings(node.element);
      if (!unit) return null;
      const out = new Set<string>();
      let level = new Set<string>(['']);
      for (let k = 0; k <= node.max; k++) {
        if (k >= node.min) for (const s of level) out.add(s);
        const next = new Set<string>();
        for (const a of level) for (const b of unit) next.add(a + b);
        if (next.size > MAX_WORDS) return null;
        level = next;
      }
      return out;
    }
    default:
      return null;
  }
}

/**
 * Sardinas–Patterson: true when every concatenation of the words splits into them one way only.
 * The empty word is never uniquely decodable (it can be repeated for free).
 */
export function uniquelyDecodable(words: ReadonlySet<string>): boolean {
  if (words.has('')) return false;
  // The dangling suffixes are generated one by one: each only depends on the one it came from,
  // and there are finitely many (suffixes of the words), so a breadth-first walk visits each once.
  const dangling = new Set<string>();
  const queue: string[] = [];
  const add = (suffix: string) => {
    if (!dangling.has(suffix)) {
      dangling.add(suffix);
      queue.push(suffix);
    }
  };
  for (const a of words)
    for (const b of words) if (b.length > a.length && b.startsWith(a)) add(b.slice(a.length));
  while (queue.length > 0) {
    const d = queue.shift() as string;
    if (words.has(d)) return false;
    for (const w of words) {
      if (w.length > d.length && w.startsWith(d)) add(w.slice(d.length));
      if (d.length > w.length && d.startsWith(w)) add(d.slice(w.length));
    }
  }
  return true;
}
