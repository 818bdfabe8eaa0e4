import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../src/renderer/src/app/app-store';
import { SetupWizardPage } from '../../../src/renderer/src/features/setup-wizard';
import { useSetupStore } from '../../../src/renderer/src/features/setup-wizard/setup-store';
import { i18n } from '../../../src/renderer/src/i18n';
import type { SmsAdminBridge } from '@shared/contract';
import type { ConfirmationSent, ProfileView } from '@shared/profile-types';
import { err, ok } from '@shared/result';
import { DEFAULT_PREFERENCES } from '@shared/settings';
import { fakeBridge, renderWithBridge, unnamedControls } from '../helpers';

const NOW = 1_800_000_000_000;

function profile(over: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'p-1',
    participantNumber: '12345',
    description: 'Productie',
    status: 'awaiting_confirmation',
    active: null,
    pending: {
      state: 'awaiting_confirmation',
      originator: 'Acme',
      adminPhone: '+31612345678',
      adminPhoneMasked: '+31 •••••••78',
      key: { hasApiKey: true, fingerprint: 'abcd1234', kind: 'live', protection: 'os' },
      keyChanged: true,
      codeActive: true,
      codeExpiresAt: NOW + 300_000,
      resendAvailableAt: NOW + 60_000,
      serverNow: NOW,
      savedAt: NOW,
    },
    lastKeyCheck: { at: NOW, balance: { payment: 'prepaid', type: 'euros', amount: 12.5 } },
    portal: { state: 'not_yet', savedAt: null, note: null },
    needsLiveConfirmation: false,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

const sent: ConfirmationSent = {
  profileId: 'p-1',
  sentTo: '+31 •••••••78',
  delivery: 'sent',
  expiresAt: NOW + 300_000,
  resendAvailableAt: NOW + 60_000,
  serverNow: NOW,
  logId: '1',
};

const activeProfile = profile({
  status: 'active',
  pending: null,
  active: { originator: 'Acme', adminPhoneMasked: '+31 •••••••78', key: { hasApiKey: true, fingerprint: 'abcd1234', kind: 'live', protection: 'os' }, activatedAt: NOW, confirmedMode: 'messagebird' },
});

async function renderPage(overrides: Partial<SmsAdminBridge> = {}, introSeen = true, language: 'system' | 'nl' = 'system') {
  const bridge = fakeBridge(
    { listProfiles: async () => ok([]), checkApiKey: async () => ok({ keyKind: 'live', balance: { payment: 'prepaid', type: 'euros', amount: 12.5 } }), ...overrides },
    { preferences: { ...DEFAULT_PREFERENCES, introSeen, language } },
  );
  useSetupStore.setState(useSetupStore.getInitialState(), true);
  renderWithBridge(<SetupWizardPage />, bridge);
  await act(() => useAppStore.getState().load());
  return bridge;
}

/** Types the details form; `user` is a userEvent set up for fake timers where a test needs one. */
async function fillDetails(
  values: Partial<Record<'participant' | 'description' | 'sender' | 'key' | 'phone', string>> = {},
  user: Pick<typeof userEvent, 'type'> = userEvent,
) {
  const v = { participant: '12345', description: 'Productie', sender: 'Acme', key: 'LiveKey0123456789abcdef', phone: '06 12345678', ...values };
  await user.type(screen.getByLabelText('Participant number (deelnemernummer)'), v.participant);
  await user.type(screen.getByLabelText('Description'), v.description);
  await user.type(screen.getByLabelText('Sender'), v.sender);
  await user.type(screen.getByLabelText('MessageBird API key'), v.key);
  await user.type(screen.getByLabelText('Your mobile number'), v.phone);
}

beforeEach(() => {
  vi.useRealTimers();
});

describe('setup wizard', () => {
  it('shows "Before you start" the first time, with the MessageBird contact through openExternal', async () => {
    const openExternal = vi.fn(async () => ok({ opened: true, url: 'mailto:afas@messagebird.com' }));
    const updateSettings = vi.fn(async () => ok({ ...DEFAULT_PREFERENCES, introSeen: true }));
    await renderPage({ openExternal, updateSettings }, false);
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    expect(screen.getByRole('heading', { name: 'Before you start' })).toHaveFocus();
    expect(screen.getByText(/1 January 2022/)).toBeInTheDocument();
    expect(screen.getByText(/restricted/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'E-mail MessageBird (afas@messagebird.com)' }));
    expect(openExternal).toHaveBeenCalledWith({ target: 'messagebird_contact' });
    // In Sandbox, "I have a contract" offers the switch to MessageBird at once, with the cost per part.
    await userEvent.click(screen.getByRole('button', { name: 'I have a MessageBird contract, continue' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to MessageBird?' });
    expect(dialog).toHaveTextContent('€0.056 per SMS part');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Switch to MessageBird' }));
    expect(updateSettings).toHaveBeenCalledWith({ gatewayMode: 'messagebird' });
    expect(updateSettings).toHaveBeenCalledWith({ introSeen: true });
    expect(await screen.findByRole('heading', { name: 'Provider details' })).toHaveFocus();
    expect(unnamedControls()).toEqual([]);
  });

  it('numbers the steps 1 to 4 after the introduction; the introduction has no number', async () => {
    await renderPage({}, false);
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    expect(screen.queryByRole('list', { name: 'Setup steps' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Continue in Sandbox' }));
    const list = screen.getByRole('list', { name: 'Setup steps' });
    const steps = within(list).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual(['1Provider details (current step)', '2Enter code', '3Save', '4Enter it in the AFAS Online portal']);
    // Exactly four numbered steps, no step 0, and only the current one marked.
    expect(steps.map((s) => s.querySelector('.setup-wizard__step-number')?.textContent)).toEqual(['1', '2', '3', '4']);
    expect(list).not.toHaveTextContent(/0|Before you start/);
    expect(steps.map((s) => s.getAttribute('aria-current'))).toEqual(['step', null, null, null]);
  });

  it('"Cancel" in the switch dialog stays on the introduction in Sandbox', async () => {
    const updateSettings = vi.fn(async () => ok({ ...DEFAULT_PREFERENCES, introSeen: true }));
    await renderPage({ updateSettings }, false);
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await userEvent.click(screen.getByRole('button', { name: 'I have a MessageBird contract, continue' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(updateSettings).not.toHaveBeenCalledWith({ gatewayMode: 'messagebird' });
    expect(screen.getByRole('heading', { name: 'Before you start' })).toBeInTheDocument();
  });

  it('skips the intro once seen', async () => {
    await renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    expect(screen.getByRole('heading', { name: 'Provider details' })).toBeInTheDocument();
  });

  it('validates as the admin types and moves focus to the first error on Next', async () => {
    const startProfileSetup = vi.fn();
    await renderPage({ startProfileSetup });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    const sender = screen.getByLabelText('Sender');
    await userEvent.type(sender, 'NOREPLY');
    await userEvent.tab();
    expect(sender).toHaveAccessibleDescription(/generic name is blocked/);
    expect(sender).toHaveAttribute('aria-invalid', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText('Participant number (deelnemernummer)')).toHaveFocus();
    expect(screen.getByLabelText('Participant number (deelnemernummer)')).toHaveAccessibleDescription(/Enter the participant number/);
    expect(startProfileSetup).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Participant number (deelnemernummer)'), 'O12345AA');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText('Participant number (deelnemernummer)')).toHaveAccessibleDescription(/environment code.*12345/);

    await userEvent.type(screen.getByLabelText('Your mobile number'), '020 1234567');
    await userEvent.tab();
    expect(screen.getByLabelText('Your mobile number')).toHaveAccessibleDescription(/not a mobile number/);
  });

  it('warns (without blocking) that alphanumeric senders are refused in the US and Canada', async () => {
    await renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await userEvent.type(screen.getByLabelText('Sender'), 'Acme');
    expect(screen.getByLabelText('Sender')).toHaveAccessibleDescription(/United States and Canada/);
    expect(screen.getByLabelText('Sender')).not.toHaveAttribute('aria-invalid');
  });

  it('checks the key live on request and shows the balance', async () => {
    const checkApiKey = vi.fn(async () => ok({ keyKind: 'live' as const, balance: { payment: 'prepaid', type: 'euros', amount: 12.5 } }));
    await renderPage({ checkApiKey });
    await useAppStore.getState().updatePreferences({ gatewayMode: 'messagebird' });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await userEvent.type(screen.getByLabelText('MessageBird API key'), 'LiveKey0123456789abcdef');
    await userEvent.click(screen.getByRole('button', { name: 'Check the key' }));
    expect(checkApiKey).toHaveBeenCalledWith({ apiKey: 'LiveKey0123456789abcdef' });
    expect(await screen.findByText(/Key accepted\. Balance: €12\.50/)).toBeInTheDocument();
  });

  it('says plainly that a test key delivers nothing', async () => {
    await renderPage({ checkApiKey: async () => ok({ keyKind: 'test', balance: { payment: 'prepaid', type: 'euros', amount: 0 } }) });
    await useAppStore.getState().updatePreferences({ gatewayMode: 'messagebird' });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await userEvent.type(screen.getByLabelText('MessageBird API key'), 'test_Key0123456789');
    await userEvent.click(screen.getByRole('button', { name: 'Check the key' }));
    expect(await screen.findByText(/Test keys deliver nothing/)).toBeInTheDocument();
  });

  it('walks the happy path: details → code → acknowledgement → active', async () => {
    const startProfileSetup = vi.fn(async () => ok(sent));
    const verifyProfileCode = vi
      .fn()
      .mockResolvedValueOnce(err('code_wrong', 'wrong', { field: 'code', details: { attemptsLeft: 4 } }))
      .mockResolvedValueOnce(ok(profile({ pending: { ...profile().pending!, state: 'verified' } })));
    const activateProfile = vi.fn(async () => ok(activeProfile));
    await renderPage({ startProfileSetup, verifyProfileCode, activateProfile });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails();
    expect(screen.getByLabelText('Your mobile number')).toHaveAccessibleDescription(/AFAS portal later sends its own code to the phone number registered for you/);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    expect(startProfileSetup).toHaveBeenCalledWith({
      participantNumber: '12345',
      description: 'Productie',
      originator: 'Acme',
      adminPhone: '06 12345678',
      apiKey: 'LiveKey0123456789abcdef',
      language: 'en',
    });
    // The admin's own number in full during the wizard, so a typo can be seen.
    expect(await screen.findByText('We sent a code to +31 6 12345678.')).toBeInTheDocument();
    expect(screen.getByText(/ask for a new code in (01:00|00:59)\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send a new code' })).toHaveAccessibleDescription(/ask for a new code in (01:00|00:59)/);

    const codeField = screen.getByLabelText('Confirmation code');
    await userEvent.type(codeField, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm code' }));
    expect(codeField).toHaveAccessibleDescription(/6 digits/);

    await userEvent.clear(codeField);
    await userEvent.type(codeField, '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm code' }));
    expect(await screen.findByText('That code is not correct. 4 attempts left.')).toBeInTheDocument();
    expect(codeField).toHaveFocus();

    await userEvent.clear(codeField);
    await userEvent.type(codeField, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm code' }));
    expect(verifyProfileCode).toHaveBeenLastCalledWith({ id: 'p-1', code: '123456' });

    expect(await screen.findByRole('heading', { name: 'Save' })).toHaveFocus();
    expect(screen.getByText('resetting AFAS Pocket')).toBeInTheDocument();
    expect(screen.getByText('login codes')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save and activate' }));
    expect(activateProfile).not.toHaveBeenCalled();
    const box = screen.getByLabelText(/at my organisation's cost and risk/);
    expect(box).toHaveFocus();
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Save and activate' }));
    expect(activateProfile).toHaveBeenCalledWith({ id: 'p-1', acknowledgeCosts: true });
    expect(await screen.findByText(/The MessageBird setup for participant 12345 is verified and saved in this app\./)).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText('Active')).toBeInTheDocument();
    // Step 4: the AFAS portal steps, the admin's own work in the portal, with the step list at 4.
    const checklist = screen.getByRole('region', { name: 'Enter it in the AFAS Online portal: participant 12345' });
    expect(within(checklist).getByRole('heading', { level: 2 })).toHaveFocus();
    const steps = within(within(checklist).getByRole('list', { name: 'Setup steps' })).getAllByRole('listitem');
    expect(steps).toHaveLength(4);
    expect(steps[3]).toHaveAttribute('aria-current', 'step');
    expect(steps[3]).toHaveTextContent('4Enter it in the AFAS Online portal (current step)');
    expect(steps.slice(0, 3).map((s) => s.getAttribute('aria-current'))).toEqual([null, null, null]);
  });

  it('shows main\'s field error under the field and focuses it (test key at Next)', async () => {
    const startProfileSetup = vi.fn(async () => err('test_key_no_delivery', 'x', { field: 'apiKey', details: { profileId: 'p-1' } }));
    await renderPage({ startProfileSetup, listProfiles: async () => ok([profile({ status: 'draft' })]) });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails({ participant: '54321' });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    const key = await screen.findByLabelText('MessageBird API key');
    expect(key).toHaveAccessibleDescription(/test key.*deliver nothing/i);
    expect(key).toHaveFocus();
  });

  it('a test key refused at Next is not kept as the current key, and its warning shows once', async () => {
    const draft = profile({ status: 'draft', pending: { ...profile().pending!, state: 'draft', key: { hasApiKey: true, fingerprint: 'feed0001', kind: 'test', protection: 'os' } } });
    const startProfileSetup = vi.fn(async () => err('test_key_no_delivery', 'x', { field: 'apiKey', details: { profileId: 'p-1' } }));
    await renderPage({ startProfileSetup, listProfiles: async () => ok([draft]), checkApiKey: async () => ok({ keyKind: 'test', balance: { payment: 'prepaid', type: 'euros', amount: 0 } }) });
    await act(() => useAppStore.getState().updatePreferences({ gatewayMode: 'messagebird' }));
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails({ key: 'test_Key0123456789' });
    await userEvent.click(screen.getByRole('button', { name: 'Check the key' }));
    expect(await screen.findByText(/Test keys deliver nothing/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    // MessageBird mode: Next costs an SMS, so it asks first.
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Send the confirmation code?' })).getByRole('button', { name: 'Send code' }));
    const key = await screen.findByLabelText('MessageBird API key');
    expect(key).toHaveAccessibleDescription(/test key.*deliver nothing/i);
    expect(screen.getAllByText(/deliver nothing/)).toHaveLength(1);
    expect(key).not.toHaveAccessibleDescription(/keep the current key/);
    // An empty key field is not "keep the test key": a key is required.
    await userEvent.clear(key);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(startProfileSetup).toHaveBeenCalledTimes(1);
    expect(key).toHaveAccessibleDescription(/Enter the API key/);
  });

  it('gives expired and exhausted codes their own messages and disables confirming', async () => {
    const verifyProfileCode = vi
      .fn()
      .mockResolvedValueOnce(err('code_expired', 'x', { field: 'code' }))
      .mockResolvedValueOnce(err('code_exhausted', 'x', { field: 'code' }));
    await renderPage({ startProfileSetup: async () => ok(sent), verifyProfileCode });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.type(await screen.findByLabelText('Confirmation code'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm code' }));
    expect(await screen.findByText('The code has expired. Ask for a new code.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm code' })).toBeDisabled();
    act(() => useSetupStore.getState().clearError());
    await userEvent.click(screen.getByRole('button', { name: 'Confirm code' }));
    expect(await screen.findByText(/Five wrong codes/)).toBeInTheDocument();
  });

  it('after five wrong codes: the old "valid until" goes, a new code can be asked at once, and the resend says the old code is void', async () => {
    const verifyProfileCode = vi.fn(async () => err('code_exhausted', 'x', { field: 'code' }));
    // Main ends the cooldown once the code is used up: its view says a new code is allowed now.
    const exhausted = profile({ pending: { ...profile().pending!, codeActive: false, resendAvailableAt: NOW, serverNow: NOW } });
    const resendProfileCode = vi.fn(async () => ok({ ...sent, logId: '2' }));
    await renderPage({ startProfileSetup: async () => ok(sent), verifyProfileCode, resendProfileCode, listProfiles: async () => ok([exhausted]) });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/The code is valid until/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Confirmation code'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm code' }));
    expect(await screen.findByText(/Five wrong codes/)).toBeInTheDocument();
    expect(screen.queryByText(/The code is valid until/)).not.toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: 'Confirm code' });
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveAccessibleDescription(/this code can no longer be used/);
    const resend = screen.getByRole('button', { name: 'Send a new code' });
    expect(resend).toBeEnabled();
    await userEvent.click(resend);
    expect(resendProfileCode).toHaveBeenCalledWith({ id: 'p-1', language: 'en' });
    expect(await screen.findByText('We sent a code to +31 6 12345678. Any code sent before no longer works.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm code' })).toBeEnabled();
  });

  it('counts the 3-per-10-minutes wait down in minutes and seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const resendProfileCode = vi.fn(async () => err('send_limit_reached', 'x', { details: { waitSeconds: 125, retryAt: NOW + 125_000 } }));
    await renderPage({ startProfileSetup: async () => ok({ ...sent, resendAvailableAt: NOW + 1_000 }), resendProfileCode });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails({ phone: '0612345678' }, user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await act(() => vi.advanceTimersByTimeAsync(1_100));
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByText(/last 10 minutes\. You can ask for a new code in 02:05\./)).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(screen.getByText(/You can ask for a new code in 02:03\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeDisabled();
  });

  it('counts the resend cooldown down and enables resend at zero', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const resendProfileCode = vi.fn(async () => ok({ ...sent, resendAvailableAt: NOW + 120_000 }));
    await renderPage({ startProfileSetup: async () => ok({ ...sent, resendAvailableAt: NOW + 3_000 }), resendProfileCode });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails({ phone: '0612345678' }, user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/ask for a new code in 00:03\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(3_100));
    expect(screen.getByText('Didn\'t get it? You can ask for a new code.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(resendProfileCode).toHaveBeenCalledWith({ id: 'p-1', language: 'en' });
    expect(await screen.findByText(/ask for a new code in 02:00\./)).toBeInTheDocument();
  });

  it('lists profiles with status, sender, fingerprint, protection and balance, and asks before deleting', async () => {
    const deleteProfile = vi.fn(async () => ok({ deleted: true as const }));
    await renderPage({ listProfiles: async () => ok([activeProfile]), deleteProfile });
    const row = await screen.findByRole('row', { name: /12345/ });
    expect(row).toHaveTextContent('Active');
    expect(row).toHaveTextContent('Acme');
    expect(row).toHaveTextContent('abcd1234');
    expect(row).toHaveTextContent('Encrypted by the system');
    expect(row).toHaveTextContent('€12.50');
    const menuButton = within(row).getByRole('button', { name: 'Actions for participant 12345' });
    expect(menuButton).toHaveAttribute('aria-haspopup', 'menu');
    await userEvent.click(menuButton);
    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(deleteProfile).toHaveBeenCalledWith({ id: 'p-1', confirm: true });
    expect(await screen.findByText('The profile was deleted.')).toBeInTheDocument();
  });

  it('marks the balance of a setup confirmed in Sandbox as simulated', async () => {
    await renderPage({ listProfiles: async () => ok([{ ...activeProfile, active: { ...activeProfile.active!, confirmedMode: 'sandbox' } }]) });
    const row = await screen.findByRole('row', { name: /12345/ });
    expect(row).toHaveTextContent('€12.50 (simulated)');
  });

  it('opens "Replace key" on the key field of an active profile, keeping the phone masked', async () => {
    await renderPage({ listProfiles: async () => ok([activeProfile]) });
    const row = await screen.findByRole('row', { name: /12345/ });
    await userEvent.click(within(row).getByRole('button', { name: /^Actions/ }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Replace key' }));
    const key = screen.getByLabelText('MessageBird API key');
    expect(key).toHaveFocus();
    expect(key).toHaveValue('');
    expect(key).toHaveAccessibleDescription(/keep the current key \(fingerprint abcd1234\)/);
    expect(screen.getByLabelText('Your mobile number')).toHaveValue('');
    expect(screen.getByLabelText('Your mobile number')).toHaveAccessibleDescription(/keep \+31 •••••••78/);
    expect(screen.getByText(/settings in effect stay until you confirm/)).toBeInTheDocument();
  });

  it('speaks Dutch', async () => {
    await renderPage({}, false, 'nl');
    expect(i18n.language).toBe('nl');
    await userEvent.click(screen.getByRole('button', { name: 'Nieuwe SMS-provider' }));
    expect(screen.getByRole('heading', { name: 'Voordat je begint' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ik heb een contract met MessageBird, verder' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('€ 0,056 per sms-deel');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Overschakelen naar MessageBird' }));
    expect(await screen.findByLabelText('Deelnemernummer')).toBeInTheDocument();
    expect(screen.getByLabelText('Afzender')).toBeInTheDocument();
  });
});
