// The review screen's preview of a cancel/pending list against the ERP (issue 17 item 3): optional and
// read-only; the clerk starts it, sees its progress, may stop it; each document's state then shows in
// the grid beside its number, and the documents that cannot succeed are listed with one button that
// withdraws their rows from this job (the results workbook records them as excluded, with why).
import { useEffect, useState } from 'react';
import type { MasterdataPreviewProgress, MasterdataPreviewView } from '../../../shared/contract';
import { render } from '../../../shared/i18n';
import type { AppError } from '../../../shared/result';
import { useApp, useT } from '../hooks/use-app';
import { stateText } from './erp-notes';
import { ErrorBox } from './error-box';

interface Props {
  importId: string;
  /** The profile whose ERP is asked (the one review counts for); the default when null. */
  profileName: string | null;
  /** Cells edited so far: a preview made before an edit may be out of date. */
  editedCells: number;
  withdrawn: ReadonlySet<number>;
  preview: MasterdataPreviewView | null;
  onPreview(preview: MasterdataPreviewView): void;
  onDrop(rows: readonly number[]): void;
}

export function ErpPreview({ importId, profileName, editedCells, withdrawn, preview, onPreview, onDrop }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<MasterdataPreviewProgress | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [editsAt, setEditsAt] = useState(editedCells);

  useEffect(() => api.onDidMasterdataPreviewProgress((p) => p.importId === importId && setProgress(p)), [api, importId]);

  const start = async () => {
    setRunning(true);
    setProgress(null);
    setError(null);
    const got = await api.masterdataPreview({ importId, ...(profileName ? { profile: profileName } : {}) });
    setRunning(false);
    if (got.ok) {
      setEditsAt(editedCells);
      onPreview(got.value);
    } else setError(got.error);
  };

  const blocked = preview?.rows.filter((r) => r.verdict === 'blocked') ?? [];
  const blockedRows = blocked.flatMap((r) => r.rows);
  const toDrop = blockedRows.filter((r) => !withdrawn.has(r));
  return (
    <section className="panel erp-preview" aria-labelledby="erp-preview-title" data-testid="erp-preview">
      <div className="panel-head">
        <h3 id="erp-preview-title">{tr('masterdata.review.title')}</h3>
        {running ? (
          <button type="button" onClick={() => void api.masterdataPreviewStop({})} data-testid="erp-preview-stop">
            {tr('masterdata.review.stop')}
          </button>
        ) : (
          <button type="button" onClick={() => void start()} data-testid="erp-preview-start">
            {tr(preview ? 'masterdata.review.again' : 'masterdata.review.start')}
          </button>
        )}
      </div>
      {!preview && !running && <p className="muted">{tr('masterdata.review.intro')}</p>}
      {running && (
        <p role="status" data-testid="erp-preview-progress">
          {progress ? tr('masterdata.review.progress', { done: progress.done, total: progress.total }) : tr('masterdata.review.starting')}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {preview && !running && (
        <div data-testid="erp-preview-result">
          <p role="status" data-testid="erp-preview-summary">
            {tr('masterdata.review.summary', { at: preview.at, profile: preview.profile, ...preview.counts, calls: preview.calls })}
          </p>
          {preview.mode === 'by-window' && <p className="muted">{tr('masterdata.review.byWindow', { cap: preview.cap })}</p>}
          {!preview.complete && <p className="warn-text">{tr('masterdata.review.incomplete')}</p>}
          {preview.notice && <p className="warn-text">{render(lang, preview.notice)}</p>}
          {editedCells !== editsAt && <p className="warn-text">{tr('masterdata.review.stale')}</p>}
          {blocked.length === 0 ? (
            <p className="ok-text">{tr('masterdata.review.noneBlocked')}</p>
          ) : (
            <>
              <table className="erp-blocked" data-testid="erp-preview-blocked">
                <caption>{tr('masterdata.review.blockedTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr('masterdata.review.col.rows')}</th>
                    <th scope="col">{tr('masterdata.review.col.key')}</th>
                    <th scope="col">{tr('masterdata.review.col.state')}</th>
                    <th scope="col">{tr('masterdata.review.col.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {blocked.map((r) => (
                    <tr key={r.key} data-key={r.key}>
                      <td>{r.rows.join(', ')}</td>
                      <td>{r.found ? `${r.key} → ${r.found}` : r.key}</td>
                      <td>{stateText(r, lang)}</td>
                      <td>{r.reason ? render(lang, r.reason) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {toDrop.length > 0 ? (
                <button type="button" className="primary" onClick={() => onDrop(toDrop)} data-testid="erp-preview-drop">
                  {tr('masterdata.review.drop', { count: toDrop.length })}
                </button>
              ) : (
                <p className="muted" data-testid="erp-preview-dropped">
                  {tr('masterdata.review.droppedAll')}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
