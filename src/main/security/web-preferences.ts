import type { WebPreferences } from 'electron';

/**
 * The only web preferences a window of this app gets: sandboxed, isolated, no Node, web security on,
 * nothing experimental. `harden-web-contents` re-checks them on every webContents.
 * @see docs/SECURITY.md (Electron checklist: no Node integration, context isolation, sandbox, webSecurity,
 * no insecure content, experimental features, Blink features, webviews)
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}
