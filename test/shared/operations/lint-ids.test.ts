// The lint rule that keeps operation ids inside shared/operations reads the ids from the operation files'
// `id: '…'` lines; if an operation spelled its id otherwise, the rule would silently miss it.
import { describe, expect, it } from 'vitest';
import { operationIds } from '../../../shared/operations/catalog';

type Block = { rules?: Record<string, unknown> };
type Restriction = { selector: string; message: string };

describe('the no-operation-id lint rule', () => {
  it('knows every id of the catalog, and only those', async () => {
    // A URL, not a specifier: the config is plain JS without type declarations.
    const { default: blocks } = (await import(new URL('../../../eslint.config.js', import.meta.url).href)) as { default: Block[] };
    const rule = blocks.map((b) => b.rules?.['no-restricted-syntax']).find((r): r is ['error', Restriction] => Array.isArray(r) && r.length === 2);
    const selector = rule?.[1].selector ?? '';
    const listed = /\^\((.*)\)\$/.exec(selector)?.[1]?.split('|').map((s) => s.replace(/\\/g, '')) ?? [];
    expect([...listed].sort()).toEqual([...operationIds()].sort());
  });
});
