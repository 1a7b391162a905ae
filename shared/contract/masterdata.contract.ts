// Master data: the local copy of the ERP's warehouses, suppliers, SKUs and supplier items per profile
// (docs/masterdata.md) — each list's age, and a refresh with progress that can be stopped.
import { z } from 'zod';
import type { LocalizedText } from '../i18n';
import type { ListId } from '../masterdata/lists';
import { event, invoke, returns } from './define';
import { empty, opaqueId, profileName } from './ids';

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

/** The ERP's names of the codes a read create sheet names (from the local copy): field → code → name. */
export type MasterdataNamesView = Record<'warehouse_no' | 'provider_no' | 'spec_no', Record<string, string>>;

/** One document of a previewed cancel/pending list, as the ERP shows it now. */
export interface PreviewRowView {
  key: string;
  /** The sheet rows that name it. */
  rows: number[];
  /** ok: can succeed as far as the ERP shows; blocked: cannot (already cancelled, shipped out, not found…); unknown: cannot tell. */
  verdict: 'ok' | 'blocked' | 'unknown';
  /** The document's state, one label per part (状态, 出库状态). */
  labels: LocalizedText[];
  reason: LocalizedText | null;
  /** The number the ERP knows it by, when another (QR3799 → QR3799-1). */
  found: string | null;
}

/** A preview of a read cancel/pending list against the ERP (read-only; docs/masterdata.md). */
export interface MasterdataPreviewView {
  importId: string;
  profile: string;
  /** by-number: one lookup per number up to the cap; by-window: modified-time windows and pages. */
  mode: 'by-number' | 'by-window';
  /** The cap of by-number lookups (setting masterdata.previewCap). */
  cap: number;
  /** False when stopped or cut short: rows not reached are unknown. */
  complete: boolean;
  calls: number;
  counts: { ok: number; blocked: number; unknown: number };
  notice: LocalizedText | null;
  /** When it was made, China time as the clerk reads it. */
  at: string;
  rows: PreviewRowView[];
}

/** A preview moving on: documents judged so far of all. */
export interface MasterdataPreviewProgress {
  importId: string;
  done: number;
  total: number;
}

const profileRequest = z.object({ profile: profileName.optional() }).strict();

export const masterdataContract = {
  /** Each list's state and age for a profile (the default one when none is named). */
  masterdataStatus: invoke('masterdata:status', profileRequest, returns<MasterdataStatusView>()),
  /** Refreshes the profile's copy (incrementally, resumable); progress arrives as onDidMasterdataProgress. */
  masterdataRefresh: invoke('masterdata:refresh', profileRequest, returns<MasterdataRefreshView>()),
  /** Stops the running refresh after the page in flight (what was fetched is kept). */
  masterdataStop: invoke('masterdata:stop', empty, returns<void>()),
  /** The ERP's names of the warehouse, supplier and SKU codes a read create sheet names (local copy, offline); empty lists for other sheets. */
  masterdataNames: invoke('masterdata:names', z.object({ importId: opaqueId, profile: profileName.optional() }).strict(), returns<MasterdataNamesView>()),
  /** Previews a read cancel/pending list against the ERP (read-only, paced, capped); progress arrives as onDidMasterdataPreviewProgress. */
  masterdataPreview: invoke('masterdata:preview', z.object({ importId: opaqueId, profile: profileName.optional() }).strict(), returns<MasterdataPreviewView>()),
  /** Stops the running preview after the call in flight (rows not reached stay unknown). */
  masterdataPreviewStop: invoke('masterdata:preview-stop', empty, returns<void>()),
} as const;

export const masterdataEvents = {
  /** A refresh read another page. */
  onDidMasterdataProgress: event<MasterdataProgress>('event:masterdata-progress'),
  /** A preview judged another document. */
  onDidMasterdataPreviewProgress: event<MasterdataPreviewProgress>('event:masterdata-preview-progress'),
} as const;
