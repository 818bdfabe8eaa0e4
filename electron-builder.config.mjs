// Packaging for Windows (NSIS), macOS (dmg) and Linux (AppImage, deb): `npm run package` builds for the
// machine it runs on. electron-builder downloads the Electron release for the target, so packaging
// needs a machine that can reach it (README "Packaging"); nothing is downloaded at `npm install`.
// test/unit/packaging/electron-builder-config.test.ts fails when asar, the file list or the fuse hook
// regresses.
import afterPack from './scripts/after-pack.mjs';

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'nl.sms-provider-admin.desktop',
  productName: 'SMS Provider Admin',
  copyright: 'SMS Provider Admin',
  directories: { output: 'dist', buildResources: 'build' },
  // Only what the packed app runs: the build output and package.json (its `main`). Production
  // dependencies are added from node_modules by electron-builder itself; devDependencies never are.
  // The browser host (out/host) is not part of the desktop app; source maps stay out too.
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map'],
  asar: true,
  // Flips the fuses (scripts/fuse-config.mjs) after packing, before signing.
  afterPack,
  icon: 'build/icon.png',
  win: { target: [{ target: 'nsis' }], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, shortcutName: 'SMS Provider Admin' },
  mac: { target: [{ target: 'dmg' }], category: 'public.app-category.business', icon: 'build/icon.png' },
  linux: {
    target: [{ target: 'AppImage' }, { target: 'deb' }],
    category: 'Utility',
    icon: 'build/icon.png',
    executableName: 'sms-provider-admin',
    maintainer: 'SMS Provider Admin',
    synopsis: 'Connect your own MessageBird account as the SMS provider of an AFAS Online participant number',
  },
  deb: { packageName: 'sms-provider-admin' },
};
