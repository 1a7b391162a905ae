// Templates: main shows a save dialog and writes the operation's import template in the UI's language.
import { z } from 'zod';
import { operationIdSchema } from '../operations/catalog';
import { invoke, returns } from './define';

/** What a save dialog ended in: the file written (name, and the full path to show the clerk), or nulls when the person cancelled. */
export interface SavedFile {
  saved: boolean;
  name: string | null;
  /** The full path, shown so the clerk can find the file again (never sent back: open/reveal go by job). */
  path: string | null;
}

export const templatesContract = {
  /** Asks where to save, then writes the import template of an operation there. */
  templatesSave: invoke('templates:save', z.object({ operation: operationIdSchema }).strict(), returns<SavedFile>()),
} as const;
