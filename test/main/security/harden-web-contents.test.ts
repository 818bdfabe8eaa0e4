import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenWebContents } from '../../../src/main/security/harden-web-contents';
import { denyAllPermissions } from '../../../src/main/security/permissions';
import { EXTERNAL_LINKS } from '../../../src/main/services/external-links';
import { FakeSession, FakeWebContents, fake } from '../fake-electron';

function hardened() {
  const contents = new FakeWebContents();
  contents.session = new FakeSession();
  const openExternal = vi.fn(async (_url: string) => true);
  hardenWebContents(contents as unknown as WebContents, { openExternal });
  return { contents, openExternal };
}

describe('hardenWebContents', () => {
  beforeEach(() => fake.reset());

  it('blocks navigation and redirects, also to the app origin', () => {
    const { contents } = hardened();
    expect(contents.attemptNavigation('https://evil.example/')).toBe(false);
    expect(contents.attemptNavigation('app://renderer/other.html')).toBe(false);
    expect(contents.attemptNavigation('https://evil.example/', 'will-redirect')).toBe(false);
    // The fake allows navigation by default, so the test proves the listener does the work.
    expect(new FakeWebContents().attemptNavigation('https://evil.example/')).toBe(true);
  });

  it('denies every new window and opens only allow-listed links externally', () => {
    const { contents, openExternal } = hardened();
    expect(contents.attemptWindowOpen('https://evil.example/')).toBe(false);
    expect(contents.attemptWindowOpen('file:///etc/passwd')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.attemptWindowOpen(EXTERNAL_LINKS.afas_help)).toBe(false);
    expect(openExternal).toHaveBeenCalledWith(EXTERNAL_LINKS.afas_help);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses webviews', () => {
    const { contents } = hardened();
    expect(contents.attemptAttachWebview('https://evil.example/')).toBe(false);
  });

  it("denies permissions on the contents' session", async () => {
    const { contents } = hardened();
    expect(await contents.session.requestPermission('media')).toBe(false);
    expect(contents.session.checkPermission('clipboard-read')).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it('denies requests, checks and devices', async () => {
    const session = new FakeSession();
    expect(await session.requestPermission('notifications')).toBe(true);
    denyAllPermissions(session as unknown as Parameters<typeof denyAllPermissions>[0]);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-sanitized-write', 'openExternal']) {
      expect(await session.requestPermission(permission)).toBe(false);
      expect(session.checkPermission(permission)).toBe(false);
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'hid' })).toBe(false);
  });
});
