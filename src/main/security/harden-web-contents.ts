import type { WebContents } from 'electron';
import { blockNavigation } from './navigation';
import { denyAllPermissions } from './permissions';
import { refuseWebviews } from './webviews';
import { denyNewWindows } from './window-open';

export interface HardenOptions {
  /** Opens an allow-listed URL in the system browser (the platform's external opener). */
  openExternal: (url: string) => Promise<unknown>;
}

/**
 * The one place every webContents is hardened, applied from `app.on('web-contents-created')` so no
 * window, devtools page or stray frame host is missed.
 * @see docs/SECURITY.md (Electron checklist)
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  blockNavigation(contents);
  denyNewWindows(contents, options.openExternal);
  refuseWebviews(contents);
  denyAllPermissions(contents.session);
}
