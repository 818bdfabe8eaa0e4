import type { Shell } from 'electron';
import type { ExternalOpener } from '../services/ports';
import { isAllowedExternalUrl } from '../services/external-links';

/**
 * `shell.openExternal` behind the exact allow-list: whatever reaches here, only the listed addresses
 * are ever opened.
 * @see docs/SECURITY.md (Electron checklist: `shell.openExternal` only for an allow-list of https URLs)
 */
export class ShellExternalOpener implements ExternalOpener {
  constructor(private readonly shell: Pick<Shell, 'openExternal'>) {}

  async open(url: string): Promise<boolean> {
    if (!isAllowedExternalUrl(url)) return false;
    await this.shell.openExternal(url);
    return true;
  }
}
