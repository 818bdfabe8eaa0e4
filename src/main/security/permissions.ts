import type { Session } from 'electron';

/**
 * Denies every permission request and check (camera, notifications, clipboard, HID …): the admin UI
 * needs none, and a compromised renderer must not get them.
 * @see docs/SECURITY.md (Electron checklist: deny every permission request)
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
