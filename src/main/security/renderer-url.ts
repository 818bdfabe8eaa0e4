import { APP_ENTRY_URL, APP_ORIGIN, originOf } from './app-origin';

/**
 * The page to load and the origins whose frames may call the bridge. The dev server is used only when
 * the app is not packaged and electron-vite set `ELECTRON_RENDERER_URL`; everything else loads from
 * `app://renderer/`.
 * @see docs/SECURITY.md (Electron checklist: only local content, never a remote origin)
 */
export function rendererLocation(options: { isPackaged: boolean; env: Record<string, string | undefined> }): {
  url: string;
  trustedOrigins: string[];
} {
  const devUrl = options.env['ELECTRON_RENDERER_URL'];
  if (!options.isPackaged && devUrl) {
    const devOrigin = originOf(devUrl);
    const isLocal = devOrigin !== null && /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(devOrigin);
    // Only a loopback dev server; a remote one would be a remote origin with the bridge.
    if (isLocal) return { url: devUrl, trustedOrigins: [devOrigin] };
  }
  return { url: APP_ENTRY_URL, trustedOrigins: [APP_ORIGIN] };
}
