// The setup page's side of the security fixes: the cost on the Next confirmation in MessageBird mode, a
// Sandbox-confirmed profile shown as "Confirm with MessageBird", and the refusals in words (locked
// until a time, country not allowed, daily cap reached).
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../src/renderer/src/app/app-store';
import { SetupWizardPage } from '../../../src/renderer/src/features/setup-wizard';
import { useSetupStore } from '../../../src/renderer/src/features/setup-wizard/setup-store';
import { errorText } from '../../../src/renderer/src/i18n/error-text';
import type { SmsAdminBridge } from '@shared/contract';
import type { ConfirmationSent } from '@shared/profile-types';
import { err, ok } from '@shared/result';
import { testSendSettingsSchema } from '@shared/contract/test-send';
import { DEFAULT_PREFERENCES } from '@shared/settings';
import { fakeBridge, renderWithBridge } from '../helpers';
import { activeProfile, NOW } from './active-profile';

/** Settings in effect confirmed in Sandbox while the app is in MessageBird mode. */
const sandboxConfirmed = activeProfile({ needsLiveConfirmation: true }, 'sandbox');

const sent: ConfirmationSent = { profileId: 'p-1', sentTo: '+31 •••••••78', delivery: 'sent', expiresAt: NOW + 300_000, resendAvailableAt: NOW + 60_000, serverNow: NOW, logId: '1' };

async function renderPage(overrides: Partial<SmsAdminBridge> = {}) {
  const bridge = fakeBridge(
    { listProfiles: async () => ok([]), checkApiKey: async () => ok({ keyKind: 'live', balance: { payment: 'prepaid', type: 'euros', amount: 12.5 } }), ...overrides },
    { preferences: { ...DEFAULT_PREFERENCES, introSeen: true } },
  );
  useSetupStore.setState(useSetupStore.getInitialState(), true);
  renderWithBridge(<SetupWizardPage />, bridge);
  await act(() => useAppStore.getState().load());
  await act(() => useAppStore.getState().updatePreferences({ gatewayMode: 'messagebird' }));
  return bridge;
}

async function fillDetails() {
  await userEvent.type(screen.getByLabelText('Participant number (deelnemernummer)'), '12345');
  await userEvent.type(screen.getByLabelText('Description'), 'Productie');
  await userEvent.type(screen.getByLabelText('Sender'), 'Acme');
  await userEvent.type(screen.getByLabelText('MessageBird API key'), 'LiveKey0123456789abcdef');
  await userEvent.type(screen.getByLabelText('Your mobile number'), '06 12345678');
}

beforeEach(() => {
  vi.useRealTimers();
});

describe('Next in MessageBird mode', () => {
  it('asks first and shows the estimated cost of the code SMS; Cancel sends nothing', async () => {
    const startProfileSetup = vi.fn(async () => ok(sent));
    await renderPage({ startProfileSetup });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send the confirmation code?' });
    expect(within(dialog).getByText(/\+31 6 12345678/)).toBeInTheDocument();
    expect(within(dialog).getByTestId('setup-send-cost')).toHaveTextContent(/Estimated cost: €0\.056 \(1 part at €0\.056/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(startProfileSetup).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Send the confirmation code?' })).getByRole('button', { name: 'Send code' }));
    expect(startProfileSetup).toHaveBeenCalledTimes(1);
  });

  it('prices the code SMS with the price per part set under Cost guards, read again at each Next', async () => {
    let pricesPerPart: Record<string, number> = { NL: 0.072 };
    const getTestSendSetup = vi.fn<SmsAdminBridge['getTestSendSetup']>(async () =>
      ok({ gatewayMode: 'messagebird', profiles: [], settings: testSendSettingsSchema.parse({ pricesPerPart }) }),
    );
    await renderPage({ getTestSendSetup });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    let dialog = await screen.findByRole('dialog', { name: 'Send the confirmation code?' });
    expect(within(dialog).getByTestId('setup-send-cost')).toHaveTextContent('Estimated cost: €0.072 (1 part at €0.072, your own price for NL under Cost guards');
    expect(within(dialog).getByTestId('setup-send-cost')).not.toHaveTextContent(/0\.056|AFAS quoted|could not read/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    // A price changed under Cost guards meanwhile counts at the next Next; without one, AFAS's quote.
    pricesPerPart = { BE: 0.09 };
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    dialog = await screen.findByRole('dialog', { name: 'Send the confirmation code?' });
    expect(within(dialog).getByTestId('setup-send-cost')).toHaveTextContent(/^Estimated cost: €0\.056 \(1 part at €0\.056, the price AFAS quoted for the Netherlands/);
    expect(getTestSendSetup).toHaveBeenCalledTimes(2);
  });

  it('says so when the Cost guards prices cannot be read, and uses the built-in price', async () => {
    await renderPage({ getTestSendSetup: async () => err('internal', 'no settings') });
    await userEvent.click(screen.getByRole('button', { name: 'New SMS provider' }));
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send the confirmation code?' });
    expect(within(dialog).getByTestId('setup-send-cost')).toHaveTextContent(/Estimated cost: €0\.056 .*The app could not read the prices under Cost guards/);
  });
});

describe('a profile confirmed in Sandbox while the app is in MessageBird mode', () => {
  it('shows "Confirm with MessageBird" instead of Active, says why, and offers it first in its actions', async () => {
    await renderPage({ listProfiles: async () => ok([sandboxConfirmed]) });
    const row = await screen.findByRole('row', { name: /12345/ });
    expect(within(row).getByText('Confirm with MessageBird')).toBeInTheDocument();
    expect(within(row).queryByText('Active')).not.toBeInTheDocument();
    expect(within(row).getByText(/sends nothing with MessageBird until a code sent by MessageBird confirms it/)).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: /Actions/ }));
    const first = screen.getAllByRole('menuitem')[0]!;
    expect(first).toHaveTextContent('Confirm with MessageBird');
    await userEvent.click(first);
    expect(await screen.findByRole('heading', { name: 'Provider details' })).toBeInTheDocument();
  });
});

describe('refusals in words', () => {
  it('names the time a locked setup unlocks, the refused country and the daily cap', () => {
    const until = Date.UTC(2026, 11, 2, 9, 30);
    expect(errorText({ code: 'setup_locked', details: { lockedUntil: until } }, { ns: 'setup' })).toMatch(/locked until .*2026.*\d{1,2}:\d{2}/);
    expect(errorText({ code: 'country_not_allowed', details: { country: 'AU', allowed: 'NL, BE' } }, { ns: 'setup' })).toContain('numbers in AU');
    expect(errorText({ code: 'confirmation_daily_cap_reached', details: { cap: 10, count: 10 } }, { ns: 'setup' })).toContain('daily limit of 10 confirmation SMS');
    expect(errorText({ code: 'live_confirmation_required', details: {} }, { ns: 'testSend' })).toContain('Confirm with MessageBird');
  });
});
