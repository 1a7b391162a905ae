// Small builders shared by the operation files, so each method file reads like its API page.
import { z } from 'zod';
import type { Message } from '../i18n/define';
import type { EnumValue, FieldDef, FieldValue } from './types';

export const msg = (zh: string, en: string): Message => ({ 'zh-CN': zh, en });

/** Spellings of yes/no every boolean accepts (matched after header-style normalisation). */
export const yesLabels = ['是', 'y', 'yes', 'true', '1', '对', '√'] as const;
export const noLabels = ['否', 'n', 'no', 'false', '0', '不', '×'] as const;

/** A boolean's values with field-specific words added (e.g. 残次品/正品 for `defect`). */
export const booleanValues = (yes: readonly string[] = [], no: readonly string[] = []): readonly EnumValue[] => [
  { value: true, labels: [...yes, ...yesLabels] },
  { value: false, labels: [...no, ...noLabels] },
];

type FieldInit = Omit<FieldDef, 'required' | 'scope' | 'aliases'> &
  Partial<Pick<FieldDef, 'required' | 'scope' | 'aliases'>>;

/** A field with defaults: optional, order scope, no extra aliases. */
export const field = (init: FieldInit): FieldDef => ({ required: false, scope: 'order', aliases: [], ...init });

const decimalText = z.string().regex(/^-?\d+(\.\d{1,4})?$/);

function schemaOf(def: FieldDef): z.ZodType<FieldValue> {
  switch (def.type) {
    case 'id':
    case 'text':
      return def.maxLength ? z.string().min(1).max(def.maxLength) : z.string().min(1);
    case 'decimal':
    case 'rate':
      // The same sign rules normaliseCell applies, so the schema alone also refuses what the ERP would.
      if (def.positive) return decimalText.refine((v) => !v.startsWith('-') && !/^0(\.0+)?$/.test(v));
      return def.nonNegative ? decimalText.refine((v) => !v.startsWith('-')) : decimalText;
    case 'boolean':
      return z.boolean();
    case 'datetime':
      return z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    case 'enum': {
      const values = (def.values ?? []).map((v) => v.value);
      return z.custom<FieldValue>((v) => values.includes(v as string | number | boolean));
    }
    case 'idList':
      return z.array(z.string().min(1));
  }
}

/**
 * The zod schema of one normalised row. Only what every row must carry is required: the key and
 * the required line fields; order-level fields may sit on the order's first row only, so their
 * presence is checked per order by grouping.ts.
 */
export function rowSchemaOf(fields: readonly FieldDef[], keyField: string): z.ZodType<Record<string, FieldValue>> {
  const shape: Record<string, z.ZodType> = {};
  for (const def of fields) {
    const schema = schemaOf(def);
    const mustHave = def.key === keyField || (def.required && def.scope === 'line');
    shape[def.key] = mustHave ? schema : schema.optional();
  }
  // z.object's inferred type has optional members; the catalog's seam types a row as a plain record.
  return z.object(shape) as unknown as z.ZodType<Record<string, FieldValue>>;
}
