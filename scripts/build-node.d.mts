export declare const nodeEntries: Record<string, string>;
export declare function buildNode(options?: { quiet?: boolean }): Promise<void>;
