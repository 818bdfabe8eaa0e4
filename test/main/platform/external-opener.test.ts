import { describe, expect, it, vi } from 'vitest';
import { ShellExternalOpener } from '../../../src/main/platform/external-opener';
import { EXTERNAL_LINKS } from '../../../src/main/services/external-links';

describe('ShellExternalOpener', () => {
  it('opens exactly the allow-listed addresses', async () => {
    const shell = { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') };
    const opener = new ShellExternalOpener(shell);
    for (const url of Object.values(EXTERNAL_LINKS)) expect(await opener.open(url)).toBe(true);
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual(Object.values(EXTERNAL_LINKS));
  });

  it('refuses anything else, including near-misses', async () => {
    const shell = { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') };
    const opener = new ShellExternalOpener(shell);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      `${EXTERNAL_LINKS.afas_pocket}/../evil`,
      `${EXTERNAL_LINKS.afas_pocket}?x=1`,
      EXTERNAL_LINKS.afas_pocket.replace('https:', 'http:'),
      'smb://attacker/share',
    ]) {
      expect(await opener.open(url), url).toBe(false);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens a file of the app with shell.openPath and reports whether it worked', async () => {
    const shell = { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') };
    const opener = new ShellExternalOpener(shell);
    expect(await opener.openPath('/data/logs/main.log')).toBe(true);
    expect(shell.openPath).toHaveBeenCalledWith('/data/logs/main.log');
    shell.openPath.mockResolvedValueOnce('Failed to open path');
    expect(await opener.openPath('/data/logs/main.log')).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
