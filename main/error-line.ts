// An error as one line: what a log field or a clerk's message may hold (never a stack, never 300+ characters).
export const oneLine = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]!.slice(0, 300);
