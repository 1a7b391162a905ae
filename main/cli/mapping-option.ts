// `--mapping map.json` for validate and submit: the file's mapping (checked against --op), and how a read's
// applied mapping shows in --json and in prose (docs/cli-mapping.md).
import path from 'node:path';
import { t, type Lang } from '../../shared/i18n';
import type { ColumnMapping } from '../../shared/operations/headers';
import type { OperationId } from '../../shared/operations/types';
import { appError, err, ok, type Result } from '../../shared/result';
import { loadMappingFile } from '../profiles/mapping-file';
import type { ReadOptions, SheetImport } from '../sheets/read/types';

/** The read options `--mapping` (and `--op`) give; an unreadable file or one for another operation is refused. */
export async function mappingOption(cwd: string, file: string | undefined, op: OperationId | undefined, lang: Lang): Promise<Result<Pick<ReadOptions, 'mapping'>>> {
  if (file === undefined) return ok({});
  const loaded = await loadMappingFile(path.resolve(cwd, file), lang);
  if (!loaded.ok) return loaded;
  const mapping: ColumnMapping = loaded.value;
  if (op !== undefined && op !== mapping.operation) {
    const params = { op, operation: mapping.operation, file: path.basename(file) };
    return err(appError('INVALID_ARGUMENT', t(lang, 'mapping.file.opConflict', params), params));
  }
  return ok({ mapping: { ...mapping, source: 'file' } });
}

/** `mapping` in --json: which mapping placed the columns (null: the headers alone did), and what still has no place. */
export const mappingJson = (sheet: SheetImport) => ({
  fingerprint: sheet.fingerprint,
  mapping: sheet.mapping ? { source: sheet.mapping.source, operation: sheet.mapping.operation, fingerprint: sheet.mapping.fingerprint, columns: { ...sheet.mapping.columns } } : null,
  unmapped: { columns: [...sheet.unmapped.columns], fields: [...sheet.unmapped.fields] },
});

/** The prose line naming the applied mapping, or null. */
export const mappingLine = (sheet: SheetImport, lang: Lang): string | null =>
  sheet.mapping ? t(lang, 'mapping.cli.applied', { source: t(lang, `mapping.source.${sheet.mapping.source}`), count: Object.keys(sheet.mapping.columns).length }) : null;
