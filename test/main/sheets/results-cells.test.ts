// plainText, which every results cell passes through: XML-safe text, with a fast path for text that needs nothing.
import { describe, expect, it } from 'vitest';
import { plainText } from '../../../main/sheets/results/results-cells';

describe('plainText', () => {
  it('leaves ordinary text as it is, and cleans what XML cannot carry', () => {
    expect(plainText('单据不存在 CR202406020001; =HYPERLINK("x")')).toBe('单据不存在 CR202406020001; =HYPERLINK("x")');
    expect(plainText('a\u0001b\u0000c\u007f\uFFFEd')).toBe('abcd');
    // A surrogate pair (an emoji, a rare CJK character) is kept; a lone half becomes U+FFFD.
    expect(plainText('ok 😀 𠀋')).toBe('ok 😀 𠀋');
    expect(plainText('x\uD83Dy')).toBe('x\uFFFDy');
    expect(plainText('x\uDE00')).toBe('x\uFFFD');
    expect(plainText('😀\u0002\uD800')).toBe('😀\uFFFD');
  });

  it('cuts at 32,767 characters, never inside a pair', () => {
    expect(plainText('a'.repeat(40_000))).toHaveLength(32_767);
    const cut = plainText(`${'a'.repeat(32_766)}😀`);
    expect(cut).toHaveLength(32_766);
  });
});
