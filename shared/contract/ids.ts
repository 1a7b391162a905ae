// Schemas shared by several areas. Tokens and ids are opaque random strings made by main.
import { z } from 'zod';

/** An opaque token or id minted by main (base64url, 22–64 characters): never a path, never a number the renderer picks. */
export const opaqueId = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);
/** A job id as the job store issues it. */
export const jobId = z.string().min(1).max(100).regex(/^[\w.:-]+$/);
/** A profile name (the settings file validates the full rule on save). */
export const profileName = z.string().trim().min(1).max(64);
/** A page of a long list: rows never travel all at once. */
export const page = { offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(500) };
/** A request that carries nothing. */
export const empty = z.object({}).strict().optional();

/** One page of a long list. */
export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}
