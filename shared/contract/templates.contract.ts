// Templates: main shows a save dialog and writes the operation's import template in the UI's language.
import { z } from 'zod';
import { operationIds } from '../operations/types';
import { invoke, returns } from './define';

/** What a save dialog ended in: the file name written, or null when the person cancelled. */
export interface SavedFile {
  saved: boolean;
  name: string | null;
}

export const templatesContract = {
  /** Asks where to save, then writes the import template of an operation there. */
  templatesSave: invoke('templates:save', z.object({ operation: z.enum(operationIds) }).strict(), returns<SavedFile>()),
} as const;
