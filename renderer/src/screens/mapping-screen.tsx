// The column-mapping step (issue 16 item 1): each column of the sheet with a few of its values and a field
// to send it as (or 不导入 / ignore: it stays in the results workbook all the same); required fields marked,
// the operation's fields not yet mapped listed. Applying reads the file again with the mapping, and may
// remember it for this header set, so the next sheet with the same headers is mapped without asking.
import { useEffect, useMemo, useState } from 'react';
import type { FileTicket, ImportSummary } from '../../../shared/contract';
import { ErrorBox, Loading } from '../components/error-box';
import { ScreenTitle } from '../components/screen-title';
import { useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { operationFields, operationLabel } from '../operations';

interface Props {
  ticket: FileTicket;
  summary: ImportSummary;
  onReviewed(summary: ImportSummary): void;
  onStartOver(): void;
}

/** Rows looked at for sample values, and samples shown per column. */
const sampleRows = 50;
const samplesShown = 3;

export function MappingScreen({ ticket, summary, onReviewed, onStartOver }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const fields = useMemo(() => operationFields(summary.operation, lang), [summary.operation, lang]);
  const columns = summary.columns.filter((c) => c.header.trim() !== '');
  // The headers the read could not place (and no mapping set aside): why the step opened, when no field is missing.
  const unplaced = useMemo(() => new Set(summary.unmapped.columns), [summary.unmapped.columns]);
  const [choice, setChoice] = useState<Record<number, string>>(() => Object.fromEntries(columns.map((c) => [c.index, c.field ?? ''])));
  const [remember, setRemember] = useState(true);
  const [samples, setSamples] = useState<Map<number, string[]>>(new Map());
  const [read, runRead] = useAsync<ImportSummary>();

  useEffect(() => {
    void api.importRows({ importId: summary.importId, offset: 0, limit: sampleRows }).then((got) => {
      if (!got.ok) return;
      const found = new Map<number, string[]>();
      for (const row of got.value.items)
        row.cells.forEach((cell, i) => {
          const list = found.get(i) ?? [];
          if (cell !== '' && list.length < samplesShown && !list.includes(cell)) found.set(i, [...list, cell]);
        });
      setSamples(found);
    });
  }, [api, summary.importId]);

  const chosen = Object.values(choice).filter((f) => f !== '');
  const twice = fields.find((f) => chosen.filter((c) => c === f.key).length > 1);
  const notMapped = fields.filter((f) => !chosen.includes(f.key));
  const missingRequired = notMapped.filter((f) => f.required);

  const apply = async () => {
    const mapping = { columns: columns.map((c) => ({ header: c.header, field: choice[c.index] || null })), remember };
    const got = await runRead(() => api.importRead({ token: ticket.token, sheet: summary.sheet, operation: summary.operation, mapping }));
    if (got?.ok) onReviewed(got.value);
  };

  return (
    <section className="mapping" aria-labelledby="screen-title-mapping" data-testid="mapping-screen">
      <ScreenTitle>
        <span id="screen-title-mapping">{tr('mapping.title')}</span>
      </ScreenTitle>
      <p>{tr('mapping.intro', { file: summary.file.name })}</p>
      <p className="muted">{operationLabel(summary.operation, lang)}</p>
      {unplaced.size > 0 && (
        <div className="notice notice-warn" role="status" data-testid="mapping-unplaced">
          {tr('mapping.unplaced', { columns: [...unplaced].join(lang === 'zh-CN' ? '、' : ', ') })}
        </div>
      )}
      <table className="table" data-testid="mapping-table">
        <thead>
          <tr>
            <th scope="col">{tr('mapping.col.column')}</th>
            <th scope="col">{tr('mapping.col.samples')}</th>
            <th scope="col">{tr('mapping.col.field')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.index}>
              <th scope="row">
                {c.header}
                {unplaced.has(c.header) && <span className="muted"> {tr('mapping.unplacedTag')}</span>}
              </th>
              <td className="muted">{(samples.get(c.index) ?? []).join(lang === 'zh-CN' ? '、' : ', ')}</td>
              <td>
                <select
                  aria-label={`${tr('mapping.col.field')}: ${c.header}`}
                  data-testid={`map-${c.index}`}
                  value={choice[c.index] ?? ''}
                  onChange={(e) => setChoice((prev) => ({ ...prev, [c.index]: e.target.value }))}
                >
                  <option value="">{tr('mapping.ignore')}</option>
                  {fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {tr('mapping.fieldOption', { label: f.label, key: f.key })}
                      {f.required ? ` · ${tr('mapping.required')}` : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div data-testid="mapping-unmapped">
        {notMapped.length === 0 ? (
          <p className="muted">{tr('mapping.allMapped')}</p>
        ) : (
          <p>
            {tr('mapping.unmappedFields')}{' '}
            {notMapped.map((f) => (f.required ? `${f.label}（${tr('mapping.required')}）` : f.label)).join(lang === 'zh-CN' ? '、' : ', ')}
          </p>
        )}
      </div>
      {missingRequired.length > 0 && (
        <div className="notice notice-warn" role="status" data-testid="mapping-missing">
          {tr('mapping.missingRequired', { fields: missingRequired.map((f) => f.label).join(lang === 'zh-CN' ? '、' : ', ') })}
        </div>
      )}
      {twice && (
        <div className="notice notice-error" role="alert" data-testid="mapping-twice">
          {tr('mapping.fieldTwice', { field: twice.label })}
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} data-testid="mapping-remember" /> {tr('mapping.remember')}
      </label>
      {read.status === 'loading' && <Loading text={tr('ui.import.reading', { name: summary.file.name })} />}
      {read.status === 'error' && <ErrorBox error={read.error} />}
      <div className="row-buttons">
        <button type="button" onClick={onStartOver}>
          {tr('ui.review.another')}
        </button>
        <button type="button" className="primary" data-testid="mapping-apply" disabled={twice !== undefined || read.status === 'loading'} onClick={() => void apply()}>
          {tr('mapping.apply')}
        </button>
      </div>
    </section>
  );
}

/** On the review: a saved mapping was applied (say so), or columns are left unplaced; either way the mapping can be changed. */
export function MappingNotice({ summary, onChange }: { summary: ImportSummary; onChange(): void }) {
  const tr = useT();
  const saved = summary.mapping?.source === 'saved';
  if (!saved && summary.unmapped.columns.length === 0 && summary.mapping === null) return null;
  return (
    <div className="notice" role="status" data-testid="mapping-notice">
      {saved && <span>{tr('mapping.applied', { count: Object.keys(summary.mapping?.columns ?? {}).length })} </span>}
      <button type="button" className="link" data-testid="mapping-change" onClick={onChange}>
        {tr('mapping.change')}
      </button>
    </div>
  );
}
