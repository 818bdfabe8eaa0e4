// The Electron fuses this app ships with (docs/SECURITY.md: flip fuses at packaging). Every fuse is named,
// so a new Electron that adds one fails loudly (`strictlyRequireAllFuses`) instead of inheriting a default.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** @type {import('@electron/fuses').FuseV1Config & { strictlyRequireAllFuses: true }} */
export const FUSE_CONFIG = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // The binary must not double as a plain Node interpreter (ELECTRON_RUN_AS_NODE).
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage encrypted with the OS key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload arbitrary code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger into main.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash embedded at packaging.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Code is loaded only from app.asar, not from a loose app folder someone drops beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No separate browser-process V8 snapshot is shipped.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The UI comes from app://, so file:// needs none of its legacy extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default; a V8 safety feature, not a risk.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/**
 * The fuses for one target platform (`process.platform` names: darwin, win32, linux).
 * Asar integrity is checked only on macOS (hash in Info.plist) and Windows (hash in a resource of the
 * .exe), where electron-builder embeds it at packaging; Electron has no integrity check on Linux and
 * nothing in an ELF binary to hold the hash, so there the fuse stays off instead of promising a check
 * that never runs. Loading only from app.asar still applies on Linux.
 * @param {string} platform
 */
export function fuseConfigFor(platform) {
  if (platform === 'linux') return { ...FUSE_CONFIG, [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false };
  return FUSE_CONFIG;
}

