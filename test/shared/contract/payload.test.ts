// The IPC size guard: plain data is measured, anything else is refused before a single element is read.
import { describe, expect, it } from 'vitest';
import { maxPayloadBytes, payloadWithin } from '../../../shared/contract';

describe('payloadWithin', () => {
  it('measures plain objects, arrays and null-prototype objects', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(payloadWithin({ a: [1, 'x', null, true, { b: bare }] }, maxPayloadBytes)).toBe(true);
    expect(payloadWithin({ s: 'x'.repeat(100) }, 50)).toBe(false);
  });

  it('refuses a 50-million-element Uint8Array at once, without walking it', () => {
    const huge = new Uint8Array(50_000_000);
    const started = performance.now();
    expect(payloadWithin(huge, maxPayloadBytes)).toBe(false);
    expect(payloadWithin({ nested: [huge] }, maxPayloadBytes)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it.each([
    ['ArrayBuffer', new ArrayBuffer(8)],
    ['DataView', new DataView(new ArrayBuffer(8))],
    ['Float64Array', new Float64Array(2)],
    ['small Uint8Array', new Uint8Array(1)],
    ['Map', new Map([['a', 1]])],
    ['Set', new Set([1])],
    ['Date', new Date(0)],
    ['class instance', new (class Box { a = 1; })()],
    ['object with a foreign prototype', Object.create({ inherited: 1 }) as object],
    ['array subclass', new (class List extends Array<number> {})()],
  ])('refuses a %s, also nested', (_name, value) => {
    expect(payloadWithin(value, maxPayloadBytes)).toBe(false);
    expect(payloadWithin({ inner: value }, maxPayloadBytes)).toBe(false);
  });
});
