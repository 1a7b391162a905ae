// What every sandbox method handler receives and returns.
import type { SandboxRuntimeOptions } from './options';
import type { SandboxState } from './state';

export interface HandlerContext {
  state: SandboxState;
  /** The sandbox's own (possibly skewed) clock, Unix ms. */
  nowMs: number;
  /** Paged calls: from the query string (page_no from 0). */
  paging: { pageSize: number; pageNo: number; calcTotal: boolean };
  /** The knobs that change how a method answers (createMessage). */
  options: SandboxRuntimeOptions;
}

/** The top-level JSON answer, as the vendor writes it. */
export interface SandboxAnswer {
  status: number;
  message?: string;
  data?: unknown;
}

/** A method handler: the positional arguments (the parsed body array) in, an answer out. Marks state dirty via `mutated`. */
export type MethodHandler = (args: unknown[], ctx: HandlerContext) => { answer: SandboxAnswer; mutated: boolean };

export const refuse = (message: string): { answer: SandboxAnswer; mutated: boolean } => ({
  answer: { status: 100, message },
  mutated: false,
});

/** A list of document numbers (strings; numbers are accepted the way a loose server would). */
export function stringList(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') out.push(item.trim());
    else if (typeof item === 'number') out.push(String(item));
    else return null;
  }
  return out;
}
