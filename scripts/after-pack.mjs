// electron-builder's afterPack hook: flips the Electron fuses on the freshly packed binary, after the
// app.asar (and its integrity hash) is in place and before anything is signed. Packaging fails when a
// fuse does not take (applyFuses reads every fuse back).
import { join } from 'node:path';
import { applyFuses } from './flip-fuses.mjs';

/**
 * The packed executable, as electron-builder names it: `<productFilename>.app` on macOS,
 * `<productFilename>.exe` on Windows, `<executableName>` on Linux.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
export function packedExecutable(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (platform === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (platform === 'linux') return join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
  throw new Error(`No fuse configuration for platform ${platform}`);
}

/** @param {Parameters<typeof packedExecutable>[0]} context */
export default async function afterPack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  await applyFuses(packedExecutable(context), platform);
}
