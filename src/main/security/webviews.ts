import type { WebContents } from 'electron';

/**
 * Refuses to attach any `<webview>`: the tag is off in web preferences, and this stops one that slips
 * through from loading content with its own, weaker preferences.
 * @see docs/SECURITY.md (Electron checklist: no webviews)
 */
export function refuseWebviews(contents: Pick<WebContents, 'on'>): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
