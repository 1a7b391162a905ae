// Operation names and behaviour for the screens, from the catalog (shared/operations): the label in the
// UI's language and the API method beside it, so a clerk and a support engineer read the same line.
// The screens ask these, never an operation's id.
import { getOperation, operations } from '../../shared/operations/catalog';
import { takesOption, type OperationId } from '../../shared/operations/types';
import type { Lang } from '../../shared/i18n';

export const operationIds: readonly OperationId[] = operations.map((op) => op.id);

export const operationLabel = (id: string, lang: Lang): string => getOperation(id)?.label[lang] ?? id;
export const operationMethod = (id: string): string => getOperation(id)?.method ?? id;
/** Rows form orders by their key (a create's 外部单号, several lines each); otherwise one number per row. */
export const groupsRows = (id: string): boolean => getOperation(id)?.grouping === 'by-key';
/** The person chooses 审核 (is_check) before starting: the operation takes that option. */
export const takesCheck = (id: string): boolean => {
  const op = getOperation(id);
  return op !== undefined && takesOption(op, 'isCheck');
};
