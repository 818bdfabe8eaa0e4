import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../src/renderer/src/app/app-store';
import { SetupWizardPage } from '../../../src/renderer/src/features/setup-wizard';
import { useSetupStore } from '../../../src/renderer/src/features/setup-wizard/setup-store';
import { i18n } from '../../../src/renderer/src/i18n';
import type { SmsAdminBridge } from '@shared/contract';
import type { ProfileView } from '@shared/profile-types';
import { ok } from '@shared/result';
import { DEFAULT_PREFERENCES } from '@shared/settings';
import { fakeBridge, renderWithBridge, unnamedControls } from '../helpers';
import { activeProfile, NOW } from './active-profile';

async function renderPage(profiles: ProfileView[], overrides: Partial<SmsAdminBridge> = {}, language: 'system' | 'nl' = 'system') {
  const bridge = fakeBridge({ listProfiles: async () => ok(profiles), ...overrides }, { preferences: { ...DEFAULT_PREFERENCES, introSeen: true, language } });
  useSetupStore.setState(useSetupStore.getInitialState(), true);
  renderWithBridge(<SetupWizardPage />, bridge);
  await act(() => useAppStore.getState().load());
  return bridge;
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

/** Opens the row's Actions menu and picks an item (the list has one menu per row). */
async function chooseRowAction(row: HTMLElement, name: string) {
  await userEvent.click(within(row).getByRole('button', { name: /^Actions/ }));
  await userEvent.click(screen.getByRole('menuitem', { name }));
}

describe('AFAS portal checklist', () => {
  it('lists what to type in the portal, never the key, and records the mark with its note', async () => {
    const marked = activeProfile({ portal: { state: 'done', savedAt: NOW, note: 'Entered by Jan' } });
    const mark = vi.fn<SmsAdminBridge['markPortalSaved']>(async () => ok(marked));
    const bridge = await renderPage([activeProfile()], { markPortalSaved: mark });

    const row = await screen.findByRole('row', { name: /12345/ });
    expect(row).toHaveTextContent('Not yet in the AFAS portal');
    await chooseRowAction(row, 'AFAS portal steps');

    const checklist = screen.getByRole('region', { name: 'Enter it in the AFAS Online portal: participant 12345' });
    expect(checklist).toHaveTextContent('never talks to AFAS');
    expect(checklist).toHaveTextContent('Click SMS-provider, then Nieuw.');
    expect(within(checklist).getByText('Productie')).toBeInTheDocument();
    expect(within(checklist).getByText('Acme')).toBeInTheDocument();
    expect(checklist).toHaveTextContent('Developers → API access');
    expect(checklist).toHaveTextContent('fingerprint abcd1234');
    expect(checklist).toHaveTextContent('Click Volgende.');
    expect(checklist).toHaveTextContent('Click Opslaan.');
    expect(within(checklist).getByRole('button', { name: 'Copy sender' })).toBeInTheDocument();
    expect(unnamedControls(checklist)).toEqual([]);
    // Opened from the list it is no wizard step: no step list.
    expect(within(checklist).queryByRole('list', { name: 'Setup steps' })).toBeNull();

    await userEvent.type(within(checklist).getByLabelText('Note (optional)'), 'Entered by Jan');
    await userEvent.click(within(checklist).getByRole('button', { name: 'Saved in the AFAS portal' }));
    expect(mark).toHaveBeenCalledWith({ profileId: 'p-1', note: 'Entered by Jan' });
    expect(await within(checklist).findByText('Note: Entered by Jan')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /12345/ })).toHaveTextContent(/Saved in the AFAS portal on/);
    expect(bridge.markPortalSaved).toBe(mark);
  });

  it('undoes the mark', async () => {
    const clear = vi.fn<SmsAdminBridge['clearPortalSaved']>(async () => ok(activeProfile()));
    await renderPage([activeProfile({ portal: { state: 'done', savedAt: NOW, note: null } })], { clearPortalSaved: clear });
    await chooseRowAction(await screen.findByRole('row', { name: /12345/ }), 'AFAS portal steps');
    await userEvent.click(screen.getByRole('button', { name: 'Undo the mark' }));
    expect(clear).toHaveBeenCalledWith({ profileId: 'p-1' });
    expect(await screen.findByRole('button', { name: 'Saved in the AFAS portal' })).toBeInTheDocument();
  });

  it('says when the details changed after the mark', async () => {
    await renderPage([activeProfile({ portal: { state: 'changed_since', savedAt: NOW, note: null } })]);
    const row = await screen.findByRole('row', { name: /12345/ });
    expect(row).toHaveTextContent('Changed since saved in the AFAS portal');
    await chooseRowAction(row, 'AFAS portal steps');
    expect(screen.getByText(/Enter the new details in the portal and mark it again/)).toBeInTheDocument();
  });

  it('marks a Sandbox setup as Sandbox and offers no portal mark', async () => {
    await renderPage([activeProfile({}, 'sandbox')]);
    const row = await screen.findByRole('row', { name: /12345/ });
    expect(row).toHaveTextContent('Sandbox: not for the AFAS portal');
    await chooseRowAction(row, 'AFAS portal steps');
    expect(screen.getByText(/This setup was confirmed in Sandbox/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Saved in the AFAS portal' })).toBeNull();
  });

  it('compares a pasted key with the stored fingerprint without sending it anywhere', async () => {
    const key = 'LiveKey0123456789abcdef';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
    const fingerprint = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('').slice(0, 8);
    const base = activeProfile();
    const bridge = await renderPage([{ ...base, active: { ...base.active!, key: { ...base.active!.key, fingerprint } } }]);
    const calls = Object.keys(bridge).map((m) => vi.spyOn(bridge, m as keyof SmsAdminBridge));
    await chooseRowAction(await screen.findByRole('row', { name: /12345/ }), 'AFAS portal steps');
    // Disabled while the field is empty, and it says why.
    const compare = screen.getByRole('button', { name: 'Compare fingerprints' });
    expect(compare).toBeDisabled();
    expect(compare).toHaveAccessibleDescription('Paste a key in the field above to compare it.');
    expect(screen.getByText('Paste a key in the field above to compare it.')).toBeVisible();
    await userEvent.type(screen.getByLabelText('Key from the MessageBird dashboard (optional)'), '   ');
    expect(compare).toBeDisabled();
    expect(compare).toHaveAccessibleDescription('Paste a key in the field above to compare it.');
    await userEvent.clear(screen.getByLabelText('Key from the MessageBird dashboard (optional)'));
    await userEvent.type(screen.getByLabelText('Key from the MessageBird dashboard (optional)'), key);
    expect(compare).toBeEnabled();
    expect(compare).not.toHaveAccessibleDescription();
    expect(screen.queryByText('Paste a key in the field above to compare it.')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Compare fingerprints' }));
    expect(await screen.findByText(`Same key: fingerprint ${fingerprint}.`)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Key from the MessageBird dashboard (optional)'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Compare fingerprints' }));
    expect(await screen.findByText(/This is a different key/)).toBeInTheDocument();
    for (const spy of calls) for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(key);
  });

  it('speaks Dutch', async () => {
    await renderPage([activeProfile()], {}, 'nl');
    await userEvent.click(await screen.findByRole('button', { name: /^Acties/ }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Stappen AFAS-portal' }));
    expect(screen.getByRole('region', { name: 'Invullen in de AFAS Online portal: deelnemer 12345' })).toHaveTextContent('Klik op SMS-provider en daarna op Nieuw.');
  });
  it('opens by itself after Save, for the participant number just saved', async () => {
    const saved = activeProfile();
    const activateProfile = vi.fn<SmsAdminBridge['activateProfile']>(async () => ok(saved));
    await renderPage([{ ...saved, status: 'awaiting_confirmation', active: null }], { activateProfile });
    await screen.findByRole('row', { name: /12345/ });
    act(() => useSetupStore.getState().openExisting({ ...saved, status: 'awaiting_confirmation', active: null }));
    await act(() => useSetupStore.getState().activate());
    expect(activateProfile).toHaveBeenCalledWith({ id: 'p-1', acknowledgeCosts: true });
    const checklist = screen.getByRole('region', { name: 'Enter it in the AFAS Online portal: participant 12345' });
    expect(checklist).toHaveTextContent('Click Opslaan.');
    expect(screen.getByText(/verified and saved in this app/)).toBeInTheDocument();
    // It is step 4 of 4, and focus is on its title.
    const steps = within(within(checklist).getByRole('list', { name: 'Setup steps' })).getAllByRole('listitem');
    expect(steps.map((s) => s.getAttribute('aria-current'))).toEqual([null, null, null, 'step']);
    expect(within(checklist).getByRole('heading', { level: 2, name: 'Enter it in the AFAS Online portal: participant 12345' })).toHaveFocus();
    // Closing the steps and opening them again from the Actions menu shows them without the step list.
    await userEvent.click(within(checklist).getByRole('button', { name: 'Close the steps' }));
    await chooseRowAction(screen.getByRole('row', { name: /12345/ }), 'AFAS portal steps');
    expect(within(screen.getByRole('region', { name: /^Enter it in the AFAS Online portal/ })).queryByRole('list', { name: 'Setup steps' })).toBeNull();
  });

  it('step 4 of a setup confirmed in Sandbox says it was a rehearsal with nothing to enter in the portal, and offers no mark', async () => {
    const saved = activeProfile({}, 'sandbox');
    const activateProfile = vi.fn<SmsAdminBridge['activateProfile']>(async () => ok(saved));
    await renderPage([{ ...saved, status: 'awaiting_confirmation', active: null }], { activateProfile });
    await screen.findByRole('row', { name: /12345/ });
    act(() => useSetupStore.getState().openExisting({ ...saved, status: 'awaiting_confirmation', active: null }));
    await act(() => useSetupStore.getState().activate());
    const checklist = screen.getByRole('region', { name: 'Enter it in the AFAS Online portal: participant 12345' });
    expect(within(checklist).getByRole('listitem', { current: 'step' })).toHaveTextContent('Enter it in the AFAS Online portal');
    expect(checklist).toHaveTextContent(/confirmed in Sandbox: a rehearsal\..*nothing to enter in the AFAS portal/);
    expect(within(checklist).queryByRole('button', { name: 'Saved in the AFAS portal' })).toBeNull();
    expect(checklist).not.toHaveTextContent(/now go through|changed in AFAS/);
  });
});
