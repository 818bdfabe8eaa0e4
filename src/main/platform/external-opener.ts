import type { Shell } from 'electron';
import type { ExternalOpener } from '../services/ports';
import { isAllowedExternalUrl } from '../services/external-links';

/**
 * `shell.openExternal` behind the exact allow-list: whatever reaches here, only the listed addresses
 * are ever opened. `shell.openPath` for the app's own files (the diagnostics log): the path comes from
 * main, never from the renderer.
 * @see docs/SECURITY.md (Electron checklist: `shell.openExternal` only for an allow-list of https URLs)
 */
export class ShellExternalOpener implements ExternalOpener {
  constructor(private readonly shell: Pick<Shell, 'openExternal' | 'openPath'>) {}

  async open(url: string): Promise<boolean> {
    if (!isAllowedExternalUrl(url)) return false;
    await this.shell.openExternal(url);
    return true;
  }

  async openPath(path: string): Promise<boolean> {
    // Electron answers an error message, or '' when the file was opened.
    return (await this.shell.openPath(path)) === '';
  }
}
