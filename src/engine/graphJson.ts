/**
 * A graph of built objects as JSON and back: Maps, Sets, typed arrays, instances of known classes
 * and objects shared between several places (the same topic in the index and in the knowledge)
 * come back as they were, so the engine's indexes can be built once by `npm run build` and read
 * by the one-question CLI (indexArtifact.ts) instead of being built again at every start.
 *
 * Generic on purpose: a field added to an index travels without touching this file. What it
 * cannot carry faithfully it refuses to write (a function, an unknown class, a number JSON would
 * change, a Symbol or BigInt), naming where, so a build never ships an artifact that answers
 * differently; the caller then does without it.
 *
 * Every encoded node that is not plain JSON is an array whose first element says what it is;
 * plain objects stay objects, and a subtree with nothing but plain data stays as it is (RAW) so
 * that reading it back does not walk it.
 */

const ARRAY = 0;
const MAP = 1;
const SET = 2;
const INT32 = 3;
const FLOAT64 = 4;
const UINT8 = 5;
const REF = 6;
const SHARED = 7;
const UNDEFINED = 8;
const INSTANCE = 9;
const RAW = 10;

/** The classes a graph may hold, by the name the encoding records. */
export type ClassRegistry = Readonly<Record<string, { prototype: object }>>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class GraphJsonError extends Error {}

function isFaithfulNumber(n: number): boolean {
  // JSON writes NaN and Infinity as null and -0 as 0.
  return Number.isFinite(n) && !Object.is(n, -0);
}

/** Encodes `root` as a JSON-able value; throws GraphJsonError for what it cannot carry. */
export function encodeGraph(root: unknown, classes: ClassRegistry): Json {
  const nameOf = new Map<object, string>();
  for (const [name, cls] of Object.entries(classes)) nameOf.set(cls.prototype, name);

  // First pass: which objects are reached more than once, and which subtrees are plain JSON.
  const seen = new Map<object, number>();
  const plain = new Set<object>();
  const count = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    const times = seen.get(value) ?? 0;
    seen.set(value, times + 1);
    if (times > 0) return;
    if (value instanceof Map) {
      for (const [k, v] of value) {
        count(k);
        count(v);
      }
    } else if (value instanceof Set) {
      for (const v of value) count(v);
    } else if (!ArrayBuffer.isView(value)) {
      for (const v of Object.values(value)) count(v);
    }
  };
  count(root);
  const isPlain = (value: unknown): boolean => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
    if (typeof value === 'number') return isFaithfulNumber(value);
    if (typeof value !== 'object') return false;
    if (plain.has(value)) return true;
    if (seen.get(value) !== 1) return false;
    const proto = Object.getPrototypeOf(value);
    let ok: boolean;
    if (Array.isArray(value)) {
      ok = proto === Array.prototype && value.length === Object.keys(value).length && value.every(isPlain);
    } else {
      ok =
        proto === Object.prototype &&
        Object.keys(value).every((k) => k !== '__proto__') &&
        Object.values(value).every(isPlain);
    }
    if (ok) plain.add(value);
    return ok;
  };

  const ids = new Map<object, number>();
  const encode = (value: unknown, path: string): Json => {
    if (value === undefined) return [UNDEFINED];
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (!isFaithfulNumber(value)) throw new GraphJsonError(`${path} is ${value}, which JSON changes`);
      return value;
    }
    if (typeof value !== 'object') throw new GraphJsonError(`${path} is a ${typeof value}`);
    const id = ids.get(value);
    if (id !== undefined) return [REF, id];
    if (isPlain(value)) return [RAW, value as Json];
    let node: Json[] | { [key: string]: Json };
    const shared = (seen.get(value) ?? 0) > 1;
    if (shared) ids.set(value, ids.size);
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype)
        throw new GraphJsonError(`${path} is an array of another class`);
      node = [ARRAY];
      for (let i = 0; i < value.length; i++) node.push(encode(value[i], `${path}[${i}]`));
    } else if (value instanceof Map) {
      node = [MAP];
      for (const [k, v] of value)
        node.push(encode(k, `${path}<key>`), encode(v, `${path}.get(${String(k)})`));
    } else if (value instanceof Set) {
      node = [SET];
      for (const v of value) node.push(encode(v, `${path}<item>`));
    } else if (value instanceof Int32Array || value instanceof Float64Array || value instanceof Uint8Array) {
      const tag = value instanceof Int32Array ? INT32 : value instanceof Float64Array ? FLOAT64 : UINT8;
      node = [tag];
      for (const n of value) {
        if (!isFaithfulNumber(n)) throw new GraphJsonError(`${path} holds ${n}, which JSON changes`);
        node.push(n);
      }
    } else if (ArrayBuffer.isView(value)) {
      throw new GraphJsonError(`${path} is a ${value.constructor.name}`);
    } else {
      const proto = Object.getPrototypeOf(value);
      const props: { [key: string]: Json } = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === '__proto__') throw new GraphJsonError(`${path} has a key __proto__`);
        if (typeof v === 'function') throw new GraphJsonError(`${path}.${k} is a function`);
        props[k] = encode(v, `${path}.${k}`);
      }
      if (Object.getOwnPropertySymbols(value).length > 0) throw new GraphJsonError(`${path} has symbol keys`);
      if (proto === Object.prototype) {
        node = props;
      } else {
        const name = nameOf.get(proto);
        if (name === undefined)
          throw new GraphJsonError(`${path} is a ${proto?.constructor?.name ?? 'null-prototype object'}`);
        node = [INSTANCE, name, props];
      }
    }
    return shared ? [SHARED, ids.get(value) as number, node as Json] : node;
  };
  return encode(root, 'root');
}

/** The graph `encodeGraph` encoded, with `classes` for its instances. Takes `encoded` over. */
export function decodeGraph(encoded: Json, classes: ClassRegistry): unknown {
  const byId: unknown[] = [];
  const decode = (node: Json): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (!Array.isArray(node)) {
      for (const k in node) node[k] = decode(node[k] as Json) as Json;
      return node;
    }
    const tag = node[0];
    if (tag === REF) return byId[node[1] as number];
    if (tag === RAW) return node[1];
    if (tag === UNDEFINED) return undefined;
    if (tag === SHARED) return fill(node[2] as Json, node[1] as number);
    return fill(node, -1);
  };
  /** Makes the empty container first and remembers it, so a cycle through it finds it. */
  const fill = (node: Json, id: number): unknown => {
    if (!Array.isArray(node)) {
      if (id >= 0) byId[id] = node;
      return decode(node);
    }
    const tag = node[0];
    const n = node.length;
    if (tag === ARRAY) {
      const out = new Array(n - 1);
      if (id >= 0) byId[id] = out;
      for (let i = 1; i < n; i++) out[i - 1] = decode(node[i] as Json);
      return out;
    }
    if (tag === MAP) {
      const out = new Map();
      if (id >= 0) byId[id] = out;
      for (let i = 1; i < n; i += 2) out.set(decode(node[i] as Json), decode(node[i + 1] as Json));
      return out;
    }
    if (tag === SET) {
      const out = new Set();
      if (id >= 0) byId[id] = out;
      for (let i = 1; i < n; i++) out.add(decode(node[i] as Json));
      return out;
    }
    if (tag === INT32 || tag === FLOAT64 || tag === UINT8) {
      const out =
        tag === INT32
          ? new Int32Array(n - 1)
          : tag === FLOAT64
            ? new Float64Array(n - 1)
            : new Uint8Array(n - 1);
      for (let i = 1; i < n; i++) out[i - 1] = node[i] as number;
      if (id >= 0) byId[id] = out;
      return out;
    }
    if (tag === INSTANCE) {
      const cls = classes[node[1] as string];
      if (!cls) throw new GraphJsonError(`unknown class ${String(node[1])}`);
      const out = Object.create(cls.prototype) as Record<string, unknown>;
      if (id >= 0) byId[id] = out;
      const props = node[2] as { [key: string]: Json };
      for (const k in props) out[k] = decode(props[k] as Json);
      return out;
    }
    if (tag === RAW) {
      if (id >= 0) byId[id] = node[1];
      return node[1];
    }
    throw new GraphJsonError(`unknown node ${String(tag)}`);
  };
  return decode(encoded);
}
