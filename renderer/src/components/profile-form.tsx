// Add or edit a profile. The app secret is write-only: the field starts empty, an edit that leaves it
// empty keeps the stored one — unless the address, sid or appkey changed, when it is asked for again
// (main refuses too) — and it is never shown or sent back. Production over plain http:// needs a tick.
import { useState } from 'react';
import { defaultProfileLimits as defaults, type ProfileView } from '../../../shared/contract';
import { ErrorBox } from './error-box';
import { Dialog } from './dialog';
import { useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';

interface Props {
  editing: ProfileView | null;
  onClose(saved: boolean): void;
}

type LimitKey = keyof typeof defaults;
const limitKeys = Object.keys(defaults) as LimitKey[];

export function ProfileForm({ editing, onClose }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const [name, setName] = useState(editing?.name ?? '');
  const [environment, setEnvironment] = useState<'test' | 'production'>(editing?.environment ?? 'test');
  const [baseUrl, setBaseUrl] = useState(editing?.baseUrl ?? '');
  const [sid, setSid] = useState(editing?.sid ?? '');
  const [appkey, setAppkey] = useState(editing?.appkey ?? '');
  const [secret, setSecret] = useState('');
  const [plainHttp, setPlainHttp] = useState(editing?.plainHttpAcknowledged ?? false);
  // A stored secret stays only with the address and account it was given for.
  const endpointChanged = !editing || baseUrl.trim().replace(/\/+$/, '') !== editing.baseUrl || sid.trim() !== editing.sid || appkey.trim() !== editing.appkey;
  const plainHttpProduction = environment === 'production' && /^http:\/\//i.test(baseUrl.trim());
  const [limits, setLimits] = useState<Record<LimitKey, string>>(() => {
    const from = editing?.limits ?? defaults;
    return Object.fromEntries(limitKeys.map((k) => [k, String(from[k])])) as Record<LimitKey, string>;
  });
  const [save, runSave] = useAsync<ProfileView>();

  const submit = async () => {
    const numbers = Object.fromEntries(limitKeys.map((k) => [k, Number(limits[k])]));
    const got = await runSave(() =>
      api.profilesSave({
        ...(editing ? { previousName: editing.name } : {}),
        name,
        environment,
        baseUrl,
        sid,
        appkey,
        limits: numbers,
        lang,
        ...(secret ? { appSecret: secret } : {}),
        ...(plainHttpProduction ? { acknowledgePlainHttp: plainHttp } : {}),
      }),
    );
    if (got?.ok) onClose(true);
  };

  return (
    <Dialog
      title={editing ? tr('ui.settings.editTitle', { name: editing.name }) : tr('ui.settings.addTitle')}
      onCancel={() => onClose(false)}
      onSubmit={() => void submit()}
      testId="profile-form"
      actions={
        <>
          <button type="button" onClick={() => onClose(false)}>
            {tr('ui.common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={save.status === 'loading'}>
            {tr('ui.settings.save')}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <label>
          {tr('ui.settings.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} data-autofocus="" name="name" />
        </label>
        <label>
          {tr('ui.settings.environment')}
          <select value={environment} onChange={(e) => setEnvironment(e.target.value as 'test' | 'production')} name="environment">
            <option value="test">{tr('common.env.test')}</option>
            <option value="production">{tr('common.env.production')}</option>
          </select>
        </label>
        <label className="wide">
          {tr('ui.settings.baseUrl')}
          <input value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required placeholder="http://wdt.wangdian.cn" name="baseUrl" aria-describedby="base-url-hint" />
          <span className="muted small" id="base-url-hint">
            {tr('ui.settings.baseUrlHint')}
          </span>
        </label>
        <label>
          {tr('ui.settings.sid')}
          <input value={sid} onChange={(e) => setSid(e.target.value)} required name="sid" />
        </label>
        <label>
          {tr('ui.settings.appkey')}
          <input value={appkey} onChange={(e) => setAppkey(e.target.value)} required name="appkey" />
        </label>
        <label className="wide">
          {tr('ui.settings.secret')}
          <input
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="new-password"
            required={!editing || endpointChanged}
            placeholder={editing && !endpointChanged ? tr('ui.settings.secretKeep') : 'xxxx:yyyy'}
            name="appSecret"
          />
        </label>
        {editing && endpointChanged && <p className="wide warn-text">{tr('ui.settings.secretAgain')}</p>}
        {plainHttpProduction && (
          <label className="wide check">
            <input type="checkbox" checked={plainHttp} onChange={(e) => setPlainHttp(e.target.checked)} name="acknowledgePlainHttp" />
            {tr('ui.settings.plainHttpAck')}
          </label>
        )}
        <fieldset className="wide limits">
          <legend>{tr('ui.settings.limits')}</legend>
          {limitKeys.map((k) => (
            <label key={k}>
              {tr(`ui.settings.limit.${k}`)}
              <input type="number" min={k === 'callsPerMinute' ? 0 : 1} value={limits[k]} onChange={(e) => setLimits((l) => ({ ...l, [k]: e.target.value }))} name={k} />
            </label>
          ))}
        </fieldset>
      </div>
      {environment === 'production' && <p className="warn-text">{tr('ui.settings.productionWarn')}</p>}
      {save.status === 'error' && <ErrorBox error={save.error} />}
    </Dialog>
  );
}
