import type { SiteAdapter } from './types.js';
import { facebook } from './facebook.js';
import { twitter } from './twitter.js';
import { linkedin } from './linkedin.js';
import { whatsapp } from './whatsapp.js';
import { practiceSite } from '../practice.js';

export const ADAPTERS: readonly SiteAdapter[] = [facebook, twitter, linkedin, whatsapp];

export function adapterForHost(host: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.hosts.includes(host)) ?? null;
}

/**
 * The adapter for this page: by host on the real sites; on the local practice site
 * (issue 4, see ../practice.ts) by the path, /think-twice-practice/<site>/.
 */
export function adapterForPage(loc: { hostname: string; pathname: string }): SiteAdapter | null {
  const practice = practiceSite(loc);
  if (practice) return ADAPTERS.find((a) => a.site === practice) ?? null;
  return adapterForHost(loc.hostname);
}

export type { SiteAdapter, ComposeTarget } from './types.js';
