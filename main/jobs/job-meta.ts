// What a job from a sheet is made with: its operation and method, the profile's account and where it
// points, who runs it, and how many orders go in one call (the catalog's limit, lowered by the profile).
import type { Lang } from '../../shared/i18n';
import { getOperation, perCallLimit } from '../../shared/operations/catalog';
import { takesOption, type OperationId } from '../../shared/operations/types';
import type { ResolvedProfile } from '../profiles/resolve-profile';
import type { SheetImport } from '../sheets/read/types';
import type { JobMeta } from './job-store';

export interface JobMetaInput {
  sheet: SheetImport;
  resolved: ResolvedProfile;
  /** 是否审核 (is_check): only operations that take the option keep it. */
  isCheck: boolean;
  lang: Lang;
  operator: string;
  appVersion: string;
}

export function jobMeta({ sheet, resolved, isCheck, lang, operator, appVersion }: JobMetaInput): JobMeta {
  const op = getOperation(sheet.operation as OperationId);
  if (!op) throw new Error(`unknown operation ${sheet.operation}`);
  const { profile } = resolved;
  return {
    operation: op.id,
    method: op.method,
    profileName: profile.name,
    environment: profile.builtin ? 'sandbox' : profile.environment,
    sid: profile.sid,
    baseUrl: profile.baseUrl,
    operator,
    appVersion,
    isCheck: takesOption(op, 'isCheck') && isCheck,
    lang,
    perCall: perCallLimit(op, profile.limits),
  };
}
