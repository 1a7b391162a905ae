// The shell's live data: app info (language, mode, secret storage), the profiles, which profile a
// submit goes to (the banner shows it), and whether the ERP is reachable.
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, ProfileView, WdtApi } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';

export interface Shell {
  info: AppInfo | null;
  profiles: ProfileView[];
  /** The profile a submit goes to: chosen on the submit screen for that one submit, else the default. */
  profile: ProfileView | null;
  /** True when `profile` is the clerk's pick on the submit screen rather than the default. */
  chosenByHand: boolean;
  online: boolean;
  error: AppError | null;
  setError(error: AppError | null): void;
  /** Picks a profile for the submit on screen; null goes back to the default. */
  chooseProfile(name: string | null): void;
  refresh(): Promise<void>;
}

export function useShell(api: WdtApi): Shell {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [online, setOnline] = useState(true);
  const [error, setError] = useState<AppError | null>(null);

  const refresh = useCallback(async () => {
    const [got, listed] = await Promise.all([api.appInfo(), api.profilesList()]);
    if (got.ok) {
      setInfo(got.value);
      setOnline(got.value.online);
    } else setError(got.error);
    if (listed.ok) setProfiles(listed.value);
    else setError(listed.error);
  }, [api]);

  useEffect(() => {
    const off = api.onDidChangeOnline(({ online: now }) => setOnline(now));
    void refresh();
    return off;
  }, [api, refresh]);

  const picked = profiles.find((p) => p.name === chosen) ?? null;
  const profile = picked ?? profiles.find((p) => p.isDefault) ?? profiles[0] ?? null;
  return { info, profiles, profile, chosenByHand: picked !== null && !picked.isDefault, online, error, setError, chooseProfile: setChosen, refresh };
}
