// `--mapping map.json`: a column mapping the CLI reads from a file (format: docs/spreadsheets-in.md "Column
// mappings"). Checked with zod and against the operation's fields; every refusal names the file and the key.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../../shared/i18n';
import { t } from '../../shared/i18n';
import { getOperation, operations } from '../../shared/operations/catalog';
import type { ColumnMapping } from '../../shared/operations/headers';
import { appError, err, type Result } from '../../shared/result';
import { buildMapping } from './mappings';

const mappingFileSchema = z
  .object({
    operation: z.string().min(1),
    /** Header as written in the sheet → field key, or null (or "") to leave the column out of the request. */
    columns: z.record(z.string().min(1).max(500), z.string().max(100).nullable()),
  })
  .strict();

export async function loadMappingFile(file: string, lang: Lang): Promise<Result<ColumnMapping>> {
  const name = path.basename(file);
  const invalid = (key: string, reason: string) =>
    err(appError('INVALID_ARGUMENT', t(lang, 'mapping.file.invalid', { file: name, key, reason }), { file: name, key }));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return err(appError('INVALID_ARGUMENT', t(lang, 'mapping.file.unreadable', { file: name, reason: (e as NodeJS.ErrnoException).code ?? String(e) }), { file: name }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return err(appError('INVALID_ARGUMENT', t(lang, 'mapping.file.notJson', { file: name, reason: (e as Error).message }), { file: name }));
  }
  const parsed = mappingFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.length ? issue.path.join('.') : issue && 'keys' in issue ? String((issue.keys as string[])[0]) : '(root)';
    return invalid(key, issue?.message ?? '');
  }
  const op = getOperation(parsed.data.operation);
  if (!op) return invalid('operation', t(lang, 'mapping.file.unknownOperation', { candidates: operations.map((o) => o.id).join(', ') }));
  const choices = Object.entries(parsed.data.columns).map(([header, field]) => ({ header, field: field === '' ? null : field }));
  const built = buildMapping(op, choices, lang);
  return built.ok ? built : invalid(`columns.${built.error.key}`, built.error.reason);
}
