import { describe, expect, it } from 'vitest';
import { decodeGraph, encodeGraph, GraphJsonError } from '../../src/engine/graphJson.ts';

// The JSON of built objects that the engine artifact is made of (src/engine/graphJson.ts): what it
// carries comes back as it was, through JSON text; what it cannot carry it refuses to write.

class Counter {
  count = 0;
  bump(): number {
    this.count++;
    return this.count;
  }
}
class Unlisted {}

const roundTrip = (value: unknown, classes = {}) =>
  decodeGraph(JSON.parse(JSON.stringify(encodeGraph(value, classes))), classes);

describe('graphJson', () => {
  it('carries Maps, Sets, typed arrays, undefined and plain data', () => {
    const value = {
      map: new Map<string, unknown>([
        ['a', 1],
        ['b', [1, 'two', null]],
      ]),
      set: new Set(['x', 'y']),
      ints: Int32Array.from([1, -2, 3]),
      floats: Float64Array.from([0.1, 1 / 3, 2.5e-300]),
      bytes: Uint8Array.from([0, 255]),
      missing: undefined,
      plain: { text: 'über', nested: [{ deep: true }] },
    };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.map).toBeInstanceOf(Map);
    expect([...back.map.keys()]).toEqual(['a', 'b']);
    expect(back.floats[1]).toBe(1 / 3);
    expect(back.ints).toBeInstanceOf(Int32Array);
    expect('missing' in back).toBe(true);
  });

  it('keeps one object reached from several places one object, cycles included', () => {
    const shared = { id: 'natto' };
    const value: Record<string, unknown> = { list: [shared, shared], byId: new Map([['natto', shared]]) };
    value.self = value;
    const back = roundTrip(value) as { list: object[]; byId: Map<string, object>; self: unknown };
    expect(back.list[0]).toBe(back.list[1]);
    expect(back.byId.get('natto')).toBe(back.list[0]);
    expect(back.self).toBe(back);
  });

  it('gives instances of the listed classes their class back', () => {
    const counter = new Counter();
    counter.bump();
    const back = roundTrip({ counter }, { Counter }) as { counter: Counter };
    expect(back.counter).toBeInstanceOf(Counter);
    expect(back.counter.bump()).toBe(2);
  });

  it('refuses functions, unlisted classes and numbers JSON would change, saying where', () => {
    const refused = (value: unknown) => () => encodeGraph(value, { Counter });
    expect(refused({ a: { f: () => 1 } })).toThrow(new GraphJsonError('root.a.f is a function'));
    expect(refused({ list: [new Unlisted()] })).toThrow(new GraphJsonError('root.list[0] is a Unlisted'));
    expect(refused({ score: Number.NaN })).toThrow(
      new GraphJsonError('root.score is NaN, which JSON changes'),
    );
    expect(refused({ w: Float64Array.from([Number.POSITIVE_INFINITY]) })).toThrow(GraphJsonError);
    expect(refused({ zero: -0 })).toThrow(GraphJsonError);
    expect(() => decodeGraph([9, 'Gone', {}], {})).toThrow(new GraphJsonError('unknown class Gone'));
  });
});
