import { lazy, type ComponentType } from 'react';
import type { PageId } from './navigation-store';

export interface PageEntry {
  id: PageId;
  /** Key in `common:nav.*` for the navigation label. */
  navKey: `nav.${PageId}`;
  /** Loaded on first visit: each page is its own chunk, so the first screen only loads its own code. */
  component: ComponentType;
  /** Starts loading the page's code (e.g. the first page, before React renders); safe to call again. */
  preload: () => Promise<unknown>;
}

function page(id: PageId, load: () => Promise<ComponentType>): PageEntry {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= load().then((component) => ({ default: component })));
  return { id, navKey: `nav.${id}`, component: lazy(preload), preload };
}

/** The navigation, in order. A feature replaces its page component in its own folder; this list stays. */
export const PAGES: readonly PageEntry[] = [
  page('setup', () => import('../features/setup-wizard').then((m) => m.SetupWizardPage)),
  page('testSend', () => import('../features/test-send').then((m) => m.TestSendPage)),
  page('sendLog', () => import('../features/send-log').then((m) => m.SendLogPage)),
  page('review', () => import('../features/review').then((m) => m.ReviewPage)),
  page('settings', () => import('../features/settings').then((m) => m.SettingsPage)),
];
