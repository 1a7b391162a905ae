// Operation names for the screens, from the catalog (shared/operations): the label in the UI's
// language and the API method beside it, so a clerk and a support engineer read the same line.
import { getOperation, operations } from '../../shared/operations/catalog';
import type { OperationId } from '../../shared/operations/types';
import type { Lang } from '../../shared/i18n';

export const operationIds: readonly OperationId[] = operations.map((op) => op.id);

export const operationLabel = (id: string, lang: Lang): string => getOperation(id)?.label[lang] ?? id;
export const operationMethod = (id: string): string => getOperation(id)?.method ?? id;
/** 'return-create' rows form orders by 外部单号; the others are one number per row. */
export const groupsRows = (id: string): boolean => getOperation(id)?.grouping === 'by-key';
