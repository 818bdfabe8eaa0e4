import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { useAppStore } from '../../src/renderer/src/app/app-store';
import { useNavigationStore } from '../../src/renderer/src/app/navigation-store';
import { methodNames, type AppInfo, type SmsAdminBridge } from '@shared/contract';
import { err, ok } from '@shared/result';
import { DEFAULT_PREFERENCES, type Preferences } from '@shared/settings';

/** App info as main would send it for a fresh install in sandbox mode. */
export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.1.0',
    host: 'electron',
    gatewayMode: 'sandbox',
    mode: 'sandbox',
    vault: { protection: 'os', encrypted: true, backend: 'gnome_libsecret' },
    systemLocale: 'en-US',
    warnings: [],
    network: { route: 'direct', via: null },
    diagnosticsLog: '/home/admin/.config/SMS Provider Admin/logs/main.log',
    ...overrides,
  };
}

/**
 * A `window.smsAdmin` for tests: getAppInfo/getSettings/updateSettings behave like a small in-memory
 * main; every other method answers `internal` unless overridden. Typed `SmsAdminBridge`, so a changed
 * contract breaks the overrides at compile time.
 */
export function fakeBridge(
  overrides: Partial<SmsAdminBridge> = {},
  state: { info?: AppInfo; preferences?: Preferences } = {},
): SmsAdminBridge {
  let preferences: Preferences = { ...DEFAULT_PREFERENCES, ...state.preferences };
  let info: AppInfo = state.info ?? appInfo();
  const base: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const method of methodNames) base[method] = async () => err('internal', `${method} not stubbed`);
  const bridge = {
    ...base,
    getAppInfo: async () => ok(info),
    getSettings: async () => ok(preferences),
    updateSettings: async (patch) => {
      preferences = { ...preferences, ...patch };
      if (patch.gatewayMode) info = { ...info, gatewayMode: patch.gatewayMode, mode: patch.gatewayMode === 'sandbox' ? 'sandbox' : 'live' };
      return ok(preferences);
    },
    ...overrides,
  } as SmsAdminBridge;
  return bridge;
}

/** Puts the stores back to their first state, so tests do not leak into each other. */
export function resetStores(): void {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useNavigationStore.setState(useNavigationStore.getInitialState(), true);
}

/** Installs the bridge, resets the stores and renders. */
export function renderWithBridge(ui: ReactElement, bridge: SmsAdminBridge = fakeBridge()): RenderResult {
  window.smsAdmin = bridge;
  resetStores();
  return render(ui);
}

function nameFromIds(ids: string | null): string {
  return (ids ?? '')
    .split(/\s+/)
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ')
    .trim();
}

/**
 * Walks the rendered tree: every button must have an accessible name and every form control a label
 * (a `<label>`, `aria-label` or `aria-labelledby` with text). Returns the offenders' outerHTML so a
 * failure says which element it is.
 */
export function unnamedControls(root: HTMLElement = document.body): string[] {
  const offenders: string[] = [];
  for (const button of Array.from(root.querySelectorAll<HTMLElement>('button, [role="button"]'))) {
    const name = button.getAttribute('aria-label')?.trim() || nameFromIds(button.getAttribute('aria-labelledby')) || button.textContent?.trim();
    if (!name) offenders.push(button.outerHTML);
  }
  for (const control of Array.from(root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'))) {
    if (control instanceof HTMLInputElement && control.type === 'hidden') continue;
    const labelText = Array.from(control.labels ?? [])
      .map((l) => l.textContent ?? '')
      .join(' ')
      .trim();
    const name = control.getAttribute('aria-label')?.trim() || nameFromIds(control.getAttribute('aria-labelledby')) || labelText;
    if (!name) offenders.push(control.outerHTML);
  }
  return offenders;
}
