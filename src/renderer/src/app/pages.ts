import { createElement, lazy, type ComponentType } from 'react';
import type { PageId } from './navigation-store';

export interface PageEntry {
  id: PageId;
  /** Key in `common:nav.*` for the navigation label. */
  navKey: `nav.${PageId}`;
  /** Each page is its own chunk, loaded on first visit, so the first screen only loads its own code. */
  component: ComponentType;
  /** Starts loading the page's code (before the first render, or when the pointer nears its link); safe to call again. */
  preload: () => Promise<unknown>;
}

function page(id: PageId, load: () => Promise<ComponentType>): PageEntry {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // a failed load (e.g. a network hiccup in the browser host) may be tried again
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  /**
   * A page whose code is already here renders at once. Only a page still loading goes through
   * `lazy` and its Suspense fallback: React holds a revealed fallback for a moment to avoid flicker,
   * which the first screen must not pay.
   */
  function Page() {
    return createElement(loaded ?? Lazy);
  }
  Page.displayName = `Page(${id})`;
  return { id, navKey: `nav.${id}`, component: Page, preload };
}

/** The navigation, in order. A feature replaces its page component in its own folder; this list stays. */
export const PAGES: readonly PageEntry[] = [
  page('setup', () => import('../features/setup-wizard').then((m) => m.SetupWizardPage)),
  page('testSend', () => import('../features/test-send').then((m) => m.TestSendPage)),
  page('sendLog', () => import('../features/send-log').then((m) => m.SendLogPage)),
  page('review', () => import('../features/review').then((m) => m.ReviewPage)),
  page('settings', () => import('../features/settings').then((m) => m.SettingsPage)),
];
