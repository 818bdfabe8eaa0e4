// What the wizard says when MessageBird fails: not sent (stay on the details step, say what to do),
// maybe sent (check the phone first), and connection problems that say nothing about the key.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../src/renderer/src/app/app-store';
import { SetupWizardPage } from '../../../src/renderer/src/features/setup-wizard';
import { useSetupStore } from '../../../src/renderer/src/features/setup-wizard/setup-store';
import { i18n } from '../../../src/renderer/src/i18n';
import type { SmsAdminBridge } from '@shared/contract';
import type { ConfirmationSent } from '@shared/profile-types';
import { err, ok } from '@shared/result';
import { DEFAULT_PREFERENCES } from '@shared/settings';
import { fakeBridge, renderWithBridge } from '../helpers';

const NOW = 1_800_000_000_000;

afterEach(async () => {
  await i18n.changeLanguage('en');
});

async function renderPage(overrides: Partial<SmsAdminBridge>, language: 'system' | 'nl' = 'system') {
  const bridge = fakeBridge(
    { listProfiles: async () => ok([]), ...overrides },
    { preferences: { ...DEFAULT_PREFERENCES, introSeen: true, gatewayMode: 'messagebird', language } },
  );
  useSetupStore.setState(useSetupStore.getInitialState(), true);
  renderWithBridge(<SetupWizardPage />, bridge);
  await act(() => useAppStore.getState().load());
  await userEvent.click(screen.getByRole('button', { name: i18n.t('setup:list.new') }));
}

async function fillDetails() {
  await userEvent.type(screen.getByLabelText(i18n.t('setup:details.participantNumber')), '12345');
  await userEvent.type(screen.getByLabelText(i18n.t('setup:details.description')), 'Productie');
  await userEvent.type(screen.getByLabelText(i18n.t('setup:details.originator')), 'Acme');
  await userEvent.type(screen.getByLabelText(i18n.t('setup:details.apiKey')), 'LiveKey0123456789abcdef');
  await userEvent.type(screen.getByLabelText(i18n.t('setup:details.adminPhone')), '06 12345678');
}

describe('setup wizard: the truth about a failed send or key check', () => {
  it('a network failure during the key check at Next does not mark the key field; it is a notice about the connection', async () => {
    // As main answered before: the balance call failed with a network error and named the key field.
    const startProfileSetup = vi.fn(async () => err('network', 'Cannot reach MessageBird (ENOTFOUND)', { field: 'apiKey' }));
    await renderPage({ startProfileSetup });
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    const key = await screen.findByLabelText('MessageBird API key');
    expect(key).not.toHaveAttribute('aria-invalid', 'true');
    expect(key).not.toHaveAccessibleDescription(/could not be reached/);
    expect(screen.getByText('Problem with the connection to MessageBird')).toBeInTheDocument();
    expect(screen.getByText(/MessageBird could not be reached.*This says nothing about your API key/)).toBeInTheDocument();
  });

  it('a certificate failure on "Check the key" names the certificate and leaves the key alone', async () => {
    const checkApiKey = vi.fn(async () => err('certificate', 'The certificate for rest.messagebird.com was not accepted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)', { field: 'apiKey' }));
    await renderPage({ checkApiKey });
    await userEvent.type(screen.getByLabelText('MessageBird API key'), 'LiveKey0123456789abcdef');
    await userEvent.click(screen.getByRole('button', { name: 'Check the key' }));

    expect(await screen.findByText(/certificate for rest\.messagebird\.com was not trusted.*NODE_EXTRA_CA_CERTS/)).toBeInTheDocument();
    expect(screen.getByLabelText('MessageBird API key')).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('a rejected key is still marked at the key field', async () => {
    const startProfileSetup = vi.fn(async () => err('key_rejected', 'Request not allowed', { field: 'apiKey', details: { providerCode: 2 } }));
    await renderPage({ startProfileSetup });
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    const key = await screen.findByLabelText('MessageBird API key');
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(key).toHaveAccessibleDescription(/rejected the API key/);
  });

  it('a 429 that sent nothing keeps the details step with a not-sent message; Next works again at once', async () => {
    const sent: ConfirmationSent = { profileId: 'p-1', sentTo: '+31 •••••••78', delivery: 'sent', expiresAt: NOW + 300_000, resendAvailableAt: NOW + 60_000, serverNow: NOW, logId: '2' };
    const startProfileSetup = vi
      .fn<SmsAdminBridge['startProfileSetup']>()
      .mockResolvedValueOnce(err('rate_limited', 'Too many requests', { details: { sendOutcome: 'not_sent', providerCode: 2 } }))
      .mockResolvedValueOnce(ok(sent));
    await renderPage({ startProfileSetup });
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByText(/refused the request because it received too many requests\. Nothing was sent\. Wait a minute/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Provider details' })).toBeInTheDocument();
    expect(screen.queryByText(/may have been sent/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('MessageBird API key')).not.toHaveAttribute('aria-invalid', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/We sent a code to/)).toBeInTheDocument();
    expect(startProfileSetup).toHaveBeenCalledTimes(2);
  });

  it('a send that may have gone out says "check the phone before you send again", never "in time", in Dutch too', async () => {
    const unknown: ConfirmationSent = { profileId: 'p-1', sentTo: '+31 •••••••78', delivery: 'unknown', expiresAt: NOW + 300_000, resendAvailableAt: NOW + 60_000, serverNow: NOW, logId: '3' };
    await renderPage({ startProfileSetup: async () => ok(unknown) }, 'nl');
    await fillDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Volgende' }));

    const notice = await screen.findByText(/De code is mogelijk verstuurd naar \+31 6 12345678: kijk op de telefoon voordat je opnieuw verstuurt\./);
    expect(notice.textContent).not.toMatch(/op tijd/);
    await i18n.changeLanguage('en');
    expect(await screen.findByText(/The code may have been sent to \+31 6 12345678: check the phone before you send again\./)).toBeInTheDocument();
    expect(screen.queryByText(/in time/)).not.toBeInTheDocument();
  });
});
