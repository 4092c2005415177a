// Types for scripts/package-crx.mjs (used by the e2e specs).
export function extensionIdFromKey(privateKeyPem: string): string;
export function manifestKey(privateKeyPem: string): string;
export function updateManifestXml(id: string, codebase: string, version: string): string;
export function generateKey(file: string): void;
export function packageCrx(options?: { sourceDir?: string; keyFile?: string; outDir?: string; codebase?: string; chromium?: string }): { crx: string; updateXml: string; id: string; version: string };
