/** Types for practice-server.mjs (used by e2e/practice.spec.ts). */
export const PRACTICE_ROOT: string;
export const PRACTICE_PATH: string;
export function startPracticeServer(options?: { port?: number; dir?: string }): Promise<{ url: string; port: number; close(): Promise<void> }>;
