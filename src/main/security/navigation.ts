import type { WebContents } from 'electron';

/**
 * Blocks every navigation and redirect away from the loaded page: the UI is a single page, so any
 * navigation is an attack (a link, `location =`, a form) trying to load foreign content with the bridge.
 * @see docs/SECURITY.md (Electron checklist: block navigation)
 */
export function blockNavigation(contents: Pick<WebContents, 'on'>): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
}
