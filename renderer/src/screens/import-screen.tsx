// Import: drop a sheet or pick one; a sample for a first try; templates to download. A ticket that
// arrives is read at once; a refusal (legacy .xls, encrypted, too big, headers of no operation) says
// what to do, and an unrecognised operation can be picked by hand.
import { useEffect, useState } from 'react';
import type { FileTicket, ImportSummary, SavedFile } from '../../../shared/contract';
import type { OperationId } from '../../../shared/operations/types';
import type { Result } from '../../../shared/result';
import { ErrorBox, Loading } from '../components/error-box';
import { ScreenTitle } from '../components/screen-title';
import { ReadingPreview } from '../components/reading-preview';
import { useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { useReadProgress } from '../hooks/use-read-progress';
import { operationIds, operationLabel } from '../operations';

interface Props {
  ticket: FileTicket | null;
  onTicket(got: Result<FileTicket | null>): void;
  onRead(summary: ImportSummary): void;
}

export function ImportScreen({ ticket, onTicket, onRead }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const [read, runRead] = useAsync<ImportSummary>();
  const [picked, setPicked] = useState<OperationId | ''>('');

  const readAs = async (token: string, chosen?: OperationId) => {
    const sheet = ticket?.sheet;
    const operation = chosen ?? ticket?.operation;
    const got = await runRead(() => api.importRead({ token, ...(sheet ? { sheet } : {}), ...(operation ? { operation } : {}) }));
    if (got?.ok) onRead(got.value);
  };

  // A big sheet shows its first rows while the rest is read (issue 18 item 3). Its listener is set up before
  // the effect below asks for the read, so no progress event can come before it.
  const reading = useReadProgress(ticket ? ticket.token : null, read.status === 'loading');

  useEffect(() => {
    setPicked('');
    if (ticket) void readAs(ticket.token);
    // Read once per ticket (readAs is a fresh closure each render, on purpose not a dependency).
  }, [ticket]);

  if (reading && ticket) return <ReadingPreview name={ticket.name} reading={reading} />;

  const candidates = read.status === 'error' && read.error.code === 'OPERATION_UNKNOWN' ? candidatesOf(read.error.details) : [];
  // Main's text for this refusal is the command line's (it names --op and --sheet): say it as a clerk would.
  const unknownOp = read.status === 'error' && read.error.code === 'OPERATION_UNKNOWN' ? read.error.details : undefined;
  const clerkText = unknownOp
    ? 'sheet' in unknownOp
      ? tr('ui.import.pickHeaders', { file: String(unknownOp.file ?? ''), sheet: String(unknownOp.sheet) })
      : tr('ui.import.noHeaders', { file: String(unknownOp.file ?? '') })
    : undefined;

  return (
    <div className="import">
      <section className="dropzone" data-testid="dropzone" aria-labelledby="screen-title-import">
        <ScreenTitle className="sr-only">
          <span id="screen-title-import">{tr('ui.import.title')}</span>
        </ScreenTitle>
        <p className="drop-hint">{tr('ui.shell.dropHint')}</p>
        <p className="muted">{tr('ui.import.formats')}</p>
        <div className="row-buttons">
          <button type="button" className="primary" onClick={() => void api.importOpenDialog().then(onTicket)}>
            {tr('ui.shell.openFile')}
          </button>
          {!ticket && (
            <button type="button" data-testid="sample" onClick={() => void api.importSample().then(onTicket)}>
              {tr('ui.import.sample')}
            </button>
          )}
        </div>
        {!ticket && <p className="muted">{tr('ui.import.sampleNote')}</p>}
        {ticket && <p className="ticket">{tr('ui.shell.fileReady', { name: ticket.name })}</p>}
        {read.status === 'loading' && <Loading text={tr('ui.import.reading', { name: ticket?.name ?? '' })} />}
        {read.status === 'error' && (
          <ErrorBox error={read.error} title={tr(read.error.code === 'OPERATION_UNKNOWN' ? 'ui.import.whichOperation' : 'ui.import.refused')} {...(clerkText ? { message: clerkText } : {})} />
        )}
        {ticket && candidates.length > 0 && (
          <form
            className="pick-operation"
            onSubmit={(e) => {
              e.preventDefault();
              if (picked) void readAs(ticket.token, picked);
            }}
          >
            <label>
              {tr('ui.import.pickOperation')}
              <select value={picked} onChange={(e) => setPicked(e.target.value as OperationId)} data-testid="pick-operation">
                <option value="">{tr('ui.import.choose')}</option>
                {candidates.map((id) => (
                  <option key={id} value={id}>
                    {operationLabel(id, lang)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={!picked}>
              {tr('ui.import.readAs')}
            </button>
          </form>
        )}
      </section>
      <Templates />
    </div>
  );
}

const candidatesOf = (details: Record<string, unknown> | undefined): OperationId[] => {
  const list = details?.candidates;
  return Array.isArray(list) ? operationIds.filter((id) => list.includes(id)) : [...operationIds];
};

function Templates() {
  const { api, lang } = useApp();
  const tr = useT();
  const [saved, runSave] = useAsync<SavedFile>();
  return (
    <aside className="templates" aria-labelledby="templates-title">
      <h2 id="templates-title">{tr('ui.import.templates')}</h2>
      <p className="muted">{tr('ui.import.templatesNote')}</p>
      <ul>
        {operationIds.map((id) => (
          <li key={id}>
            <button type="button" className="link" onClick={() => void runSave(() => api.templatesSave({ operation: id }))}>
              {operationLabel(id, lang)}
            </button>
          </li>
        ))}
      </ul>
      {saved.status === 'done' && saved.value.saved && (
        <p role="status" className="ok-text">
          {tr('ui.import.templateSaved', { name: saved.value.path ?? saved.value.name ?? '' })}
        </p>
      )}
      {saved.status === 'error' && <ErrorBox error={saved.error} />}
    </aside>
  );
}
