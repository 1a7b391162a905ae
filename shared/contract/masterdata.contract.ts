// Master data: the local copy of the ERP's warehouses, suppliers, SKUs and supplier items per profile
// (docs/masterdata.md) — each list's age, and a refresh with progress that can be stopped.
import { z } from 'zod';
import type { LocalizedText } from '../i18n';
import type { ListId } from '../masterdata/lists';
import { event, invoke, returns } from './define';
import { empty, profileName } from './ids';

/** One list of the copy as Settings shows it. */
export interface MasterdataListView {
  list: ListId;
  state: 'never' | 'partial' | 'fresh' | 'denied';
  count: number;
  /** When the last complete refresh ended: ISO, and as the clerk reads it (China time), and how long ago. */
  refreshedAt: string | null;
  asOf: string | null;
  ageSeconds: number | null;
  /** A refresh stopped midway; the next continues where it was. */
  resumable: boolean;
  notice: LocalizedText | null;
}

export interface MasterdataStatusView {
  profile: string;
  lists: MasterdataListView[];
  /** A refresh of this profile is running now (in this app). */
  refreshing: boolean;
}

/** How a refresh ended, per list. */
export interface MasterdataRefreshView {
  profile: string;
  complete: boolean;
  lists: { list: ListId; outcome: 'fresh' | 'denied' | 'failed' | 'stopped' | 'not-run'; calls: number; records: number; notice: LocalizedText | null }[];
  /** Why nothing ran: another refresh of the profile (the CLI, another app) holds its lease. */
  notice?: LocalizedText;
}

/** A refresh moving on: the list being read, calls and records so far, how far its windows reach. */
export interface MasterdataProgress {
  profile: string;
  list: ListId;
  calls: number;
  records: number;
  /** ISO day the windowed list is read up to; null for whole-list reads. */
  until: string | null;
}

const profileRequest = z.object({ profile: profileName.optional() }).strict();

export const masterdataContract = {
  /** Each list's state and age for a profile (the default one when none is named). */
  masterdataStatus: invoke('masterdata:status', profileRequest, returns<MasterdataStatusView>()),
  /** Refreshes the profile's copy (incrementally, resumable); progress arrives as onDidMasterdataProgress. */
  masterdataRefresh: invoke('masterdata:refresh', profileRequest, returns<MasterdataRefreshView>()),
  /** Stops the running refresh after the page in flight (what was fetched is kept). */
  masterdataStop: invoke('masterdata:stop', empty, returns<void>()),
} as const;

export const masterdataEvents = {
  /** A refresh read another page. */
  onDidMasterdataProgress: event<MasterdataProgress>('event:masterdata-progress'),
} as const;
