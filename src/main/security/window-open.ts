import type { WebContents } from 'electron';
import { isAllowedExternalUrl } from '../services/external-links';

/**
 * Denies every new window; an allow-listed link is handed to the system browser instead.
 * @see docs/SECURITY.md (Electron checklist: block new windows; `shell.openExternal` only for an allow-list)
 */
export function denyNewWindows(
  contents: Pick<WebContents, 'setWindowOpenHandler'>,
  openExternal: (url: string) => Promise<unknown>,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}
