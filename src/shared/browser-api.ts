/**
 * The `browser` API for the content script without webextension-polyfill's 3 KB (gzip):
 * Firefox has `browser` natively, and Chrome's MV3 `chrome.*` calls the content script
 * uses (storage.local.get, storage.onChanged, runtime.sendMessage) return promises.
 * The background and options page use the full polyfill.
 */
import type Browser from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
export const browserApi: typeof Browser = (g.browser ?? g.chrome)!;
