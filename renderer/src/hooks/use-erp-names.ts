// The ERP's names of the codes a read create sheet names (masterdataNames, from the local copy, offline),
// fetched again when the read changes (an edit brings a new summary). Null while none are known; a
// failure shows no names — the codes are still there, and the master-data warnings say what is wrong.
import { useEffect, useState } from 'react';
import type { ImportSummary, MasterdataNamesView } from '../../../shared/contract';
import { checksMasterdata } from '../../../shared/masterdata/check-create';
import { getOperation } from '../../../shared/operations/catalog';
import { useApp } from './use-app';

/** The names, from the default profile's copy: the one the review's master-data warnings come from. */
export function useErpNames(summary: ImportSummary): MasterdataNamesView | null {
  const { api } = useApp();
  const [names, setNames] = useState<{ summary: ImportSummary; value: MasterdataNamesView } | null>(null);
  const op = getOperation(summary.operation);
  const wanted = op !== undefined && checksMasterdata(op);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void api.masterdataNames({ importId: summary.importId }).then((got) => {
      if (live && got.ok) setNames({ summary, value: got.value });
    });
    return () => {
      live = false;
    };
  }, [api, summary, wanted]);
  // The names of an earlier read (another file) are never shown against this one.
  return names && names.summary.importId === summary.importId ? names.value : null;
}
