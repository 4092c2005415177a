import type { SiteAdapter } from './types.js';
import { facebook } from './facebook.js';
import { twitter } from './twitter.js';
import { linkedin } from './linkedin.js';
import { whatsapp } from './whatsapp.js';

export const ADAPTERS: readonly SiteAdapter[] = [facebook, twitter, linkedin, whatsapp];

export function adapterForHost(host: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.hosts.includes(host)) ?? null;
}

export type { SiteAdapter, ComposeTarget } from './types.js';
