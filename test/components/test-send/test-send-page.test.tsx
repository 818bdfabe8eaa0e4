import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TestSendPage } from '../../../src/renderer/src/features/test-send';
import { useTestSendStore } from '../../../src/renderer/src/features/test-send/test-send-store';
import { i18n } from '../../../src/renderer/src/i18n';
import type { SmsAdminBridge } from '@shared/contract';
import { SANDBOX_PROFILE_ID, type TestSendPreview, type TestSendSetup, type TestSendStatus } from '@shared/contract/test-send';
import type { ProfileView } from '@shared/profile-types';
import { err, ok } from '@shared/result';
import { estimate } from '@shared/rules/cost';
import { countSegments } from '@shared/rules/sms-segments';
import { fakeBridge, renderWithBridge, unnamedControls } from '../helpers';

const SETUP: TestSendSetup = {
  gatewayMode: 'messagebird',
  profiles: [
    { id: 'p-live', label: 'Acme (12345)', originator: 'Acme', mode: 'live', sentLast24h: 2 },
    { id: 'p-test', label: 'Beta (23456)', originator: 'Beta', mode: 'test', sentLast24h: 0 },
  ],
  settings: { template: 'Testcode: {code}', dailyCap: 10, confirmationDailyCap: 10, allowedCountries: ['NL', 'BE'], pricesPerPart: {} },
};

const PREVIEW: TestSendPreview = {
  profileId: 'p-live',
  originator: 'Acme',
  mode: 'live',
  body: 'Testcode: 123456',
  segments: countSegments('Testcode: 123456'),
  estimate: estimate(1, 'NL'),
  recipient: { international: '+31 6 12345678', masked: '+31 6 •••• 5678', country: 'NL', type: 'MOBILE' },
  sentLast24h: 2,
  dailyCap: 10,
};

const SENT: TestSendStatus = { logId: 41, status: 'sent', messageId: 'mb0123456789abcdef', mode: 'live', parts: 1, following: true, price: { amount: 0.056, currency: 'EUR', estimate: true } };

beforeEach(() => {
  useTestSendStore.getState().stop();
  useTestSendStore.setState(useTestSendStore.getInitialState(), true);
});

function bridgeWith(overrides: Parameters<typeof fakeBridge>[0] = {}) {
  const calls = { preview: vi.fn(), send: vi.fn(), status: vi.fn(), settings: vi.fn() };
  const bridge = fakeBridge({
    getTestSendSetup: async () => ok(SETUP),
    previewTestSend: async (input) => {
      calls.preview(input);
      return ok(PREVIEW);
    },
    sendTestCode: async (input) => {
      calls.send(input);
      return ok(SENT);
    },
    getTestSendStatus: async (input) => {
      calls.status(input);
      return ok({ ...SENT, status: 'delivered', following: false, price: { amount: 0.056, currency: 'EUR', estimate: false } });
    },
    updateTestSendSettings: async (patch) => {
      calls.settings(patch);
      return ok({ ...SETUP.settings, ...patch });
    },
    ...overrides,
  });
  return { bridge, calls };
}

async function renderPage(overrides: Parameters<typeof fakeBridge>[0] = {}) {
  const { bridge, calls } = bridgeWith(overrides);
  renderWithBridge(<TestSendPage />, bridge);
  await screen.findByLabelText('Send from');
  return calls;
}

describe('TestSendPage', () => {
  it('lists the active providers with their sender, and every control has a name', async () => {
    await renderPage();
    const select = screen.getByLabelText('Send from');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Acme (12345) — sender Acme', 'Beta (23456) — sender Beta']);
    expect(unnamedControls()).toEqual([]);
  });

  it('parses the number live: E.164, country and type, or why it is refused', async () => {
    await renderPage();
    const field = screen.getByLabelText('Phone number');
    await userEvent.type(field, '0612345678');
    expect(screen.getByText(/\+31612345678 · Netherlands · mobile/)).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, '0900 123 4567');
    expect(screen.getByText('A premium-rate number: always refused.')).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, '+49 1512 3456789');
    expect(screen.getByText(/Germany is not on the country allow-list/)).toBeInTheDocument();
  });

  it('updates encoding, parts and estimated cost live while the text is edited', async () => {
    await renderPage();
    const text = screen.getByLabelText('Message text');
    expect(screen.getByText('GSM-7 · 17 of 160 characters · 1 SMS part')).toBeInTheDocument();
    expect(screen.getByText('€0.056')).toBeInTheDocument();

    await userEvent.clear(text);
    // A € counts two GSM-7 characters: 150 + 2 + 1 + 6 = 159 still fits one part.
    await userEvent.click(text);
    await userEvent.paste(`${'a'.repeat(150)}€ {code}`);
    expect(screen.getByText('GSM-7 · 159 of 160 characters · 1 SMS part')).toBeInTheDocument();
    await userEvent.type(text, '€');
    expect(screen.getByText('GSM-7 · 161 of 306 characters · 2 SMS parts')).toBeInTheDocument();
    expect(screen.getByText('€0.112')).toBeInTheDocument();

    await userEvent.type(text, 'ë');
    // In UCS-2 every character counts one: 160 units over parts of 67.
    expect(screen.getByText('UCS-2 · 160 of 201 characters · 3 SMS parts')).toBeInTheDocument();
    expect(screen.getByText(/need UCS-2.*: ë/)).toBeInTheDocument();
  });

  it('asks for confirmation with the estimated cost, then sends and follows the status to delivered', async () => {
    const calls = await renderPage();
    await userEvent.type(screen.getByLabelText('Phone number'), '0612345678');
    await userEvent.click(screen.getByRole('button', { name: 'Check and send…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Send a test code?' });
    expect(dialog).toHaveTextContent('A new 6-digit test code goes from Acme to +31 6 12345678.');
    expect(dialog).toHaveTextContent('Estimated cost: €0.056 (1 SMS part).');
    expect(calls.send).not.toHaveBeenCalled();
    // Focus starts on Cancel, the safe choice.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Send test code' }));
    expect(calls.send).toHaveBeenCalledWith({ profileId: 'p-live', recipient: '0612345678', template: 'Test code: {code}', confirmCost: true });

    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByText('mb0123456789abcdef')).toBeInTheDocument();
    expect(within(result).getByTestId('test-send-status')).toHaveTextContent('Sent, waiting for delivery');
    expect(within(result).getByText('Following the delivery status…')).toBeInTheDocument();

    await waitFor(() => expect(within(result).getByTestId('test-send-status')).toHaveTextContent('Delivered'), { timeout: 4_000 });
    expect(calls.status).toHaveBeenCalledWith({ logId: 41 });
    expect(within(result).getByText('€0.056 (reported by MessageBird)')).toBeInTheDocument();
    expect(within(result).queryByText('Following the delivery status…')).not.toBeInTheDocument();
  });

  it('with a test key the confirmation says nothing is delivered and shows no cost', async () => {
    await renderPage({ previewTestSend: async () => ok({ ...PREVIEW, profileId: 'p-test', originator: 'Beta', mode: 'test' }) });
    await userEvent.selectOptions(screen.getByLabelText('Send from'), 'p-test');
    expect(screen.getByText('Test key: nothing is charged, and nothing is delivered.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Phone number'), '0612345678');
    await userEvent.click(screen.getByRole('button', { name: 'Check and send…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Test key: MessageBird accepts the message but never delivers it.');
    expect(dialog).not.toHaveTextContent('Estimated cost');
  });

  it('sends nothing when the confirmation is cancelled (Escape)', async () => {
    const calls = await renderPage();
    await userEvent.type(screen.getByLabelText('Phone number'), '0612345678');
    await userEvent.click(screen.getByRole('button', { name: 'Check and send…' }));
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.send).not.toHaveBeenCalled();
  });

  it('can be used with the keyboard alone: Enter in the number field checks, Enter confirms', async () => {
    const calls = await renderPage();
    await userEvent.type(screen.getByLabelText('Phone number'), '0612345678{Enter}');
    const dialog = await screen.findByRole('dialog');
    await userEvent.tab();
    expect(within(dialog).getByRole('button', { name: 'Send test code' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('region', { name: 'Result' });
    expect(calls.send).toHaveBeenCalledTimes(1);
  });

  it('starts on the newest live profile, not on the Sandbox provider', async () => {
    const setup: TestSendSetup = {
      ...SETUP,
      gatewayMode: 'sandbox',
      profiles: [
        { id: SANDBOX_PROFILE_ID, label: 'Sandbox', originator: 'Sandbox', mode: 'sandbox', sentLast24h: 0 },
        { id: 'p-old', label: 'Old (11111)', originator: 'Old', mode: 'live', sentLast24h: 0 },
        { id: 'p-new', label: 'New (22222)', originator: 'New', mode: 'live', sentLast24h: 0 },
        { id: 'p-test', label: 'Beta (23456)', originator: 'Beta', mode: 'test', sentLast24h: 0 },
      ],
    };
    const view = (id: string, activatedAt: number) => ({ id, active: { activatedAt } }) as unknown as ProfileView;
    await renderPage({ getTestSendSetup: async () => ok(setup), listProfiles: async () => ok([view('p-old', 1_000), view('p-new', 5_000), view('p-test', 9_000)]) });
    expect(screen.getByLabelText('Send from')).toHaveValue('p-new');
  });

  it('any change to the form clears an old result and error, and "Check and send" works again at once', async () => {
    const previewTestSend = vi
      .fn<SmsAdminBridge['previewTestSend']>()
      .mockResolvedValueOnce(err('country_not_allowed', 'x', { field: 'recipient', details: { setting: 'allowedCountries', country: 'DE' } }))
      .mockResolvedValue(ok(PREVIEW));
    const calls = await renderPage({ previewTestSend });
    const phone = screen.getByLabelText('Phone number');
    await userEvent.type(phone, '+4915112345678');
    await userEvent.click(screen.getByRole('button', { name: 'Check and send…' }));
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
    // A new number: the old country error goes at once.
    await userEvent.clear(phone);
    await userEvent.type(phone, '0612345678');
    expect(phone).not.toHaveAttribute('aria-invalid');

    await userEvent.click(screen.getByRole('button', { name: 'Check and send…' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Send a test code?' })).getByRole('button', { name: 'Send test code' }));
    expect(await screen.findByRole('region', { name: 'Result' })).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Check and send…' });
    expect(submit).toBeEnabled();
    // Choosing another provider starts a new send: the old result is gone.
    await userEvent.selectOptions(screen.getByLabelText('Send from'), 'p-test');
    expect(screen.queryByRole('region', { name: 'Result' })).not.toBeInTheDocument();
    await userEvent.click(submit);
    await screen.findByRole('dialog', { name: 'Send a test code?' });
    expect(calls.preview).toHaveBeenCalledTimes(0);
    expect(previewTestSend).toHaveBeenLastCalledWith(expect.objectContaining({ profileId: 'p-test', recipient: '0612345678' }));
  });

  it('shows a cap refusal with how to change it, and offers the Cost guards section', async () => {
    const calls = await renderPage({
      previewTestSend: async () =>
        err('daily_cap_reached', 'cap', { details: { setting: 'dailyCap', cap: 10, count: 10 } }),
    });
    await userEvent.type(screen.getByLabelText('Phone number'), '0612345678');
    await userEvent.click(screen.getByRole('button', { name: 'Check and send…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This provider already sent 10 test messages in the last 24 hours (the cap is 10). Wait, or raise the cap under Cost guards.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.send).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cost guards' }));
    expect(screen.getByRole('heading', { name: 'Cost guards' }).querySelector('[tabindex]')).toHaveFocus();
  });

  it('puts a premium-number refusal on the number field and focuses it', async () => {
    await renderPage({
      previewTestSend: async () => err('premium_rate', 'premium', { field: 'recipient', details: { setting: 'none' } }),
    });
    const field = screen.getByLabelText('Phone number');
    await userEvent.type(field, '0900 123 4567');
    await userEvent.click(screen.getByRole('button', { name: 'Check and send…' }));
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Premium-rate numbers are always refused'));
  });

  it('a 422 code 25 shows a clear message and the failed row with its reason', async () => {
    const failed: TestSendStatus = { logId: 42, status: 'failed', mode: 'live', parts: 1, following: false, statusReason: 'Not enough balance (HTTP 422)', errorCode: '25' };
    await renderPage({
      sendTestCode: async () =>
        err('insufficient_balance', 'Not enough balance', { details: { logId: 42, status: 'failed', providerCode: 25, httpStatus: 422 } }),
      getTestSendStatus: async () => ok(failed),
    });
    await userEvent.type(screen.getByLabelText('Phone number'), '0612345678');
    await userEvent.click(screen.getByRole('button', { name: 'Check and send…' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Send test code' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('MessageBird refused the send: the balance is too low. Nothing was sent');
    expect(alert).toHaveTextContent('MessageBird error code 25.');
    const result = await screen.findByRole('region', { name: 'Result' });
    await waitFor(() => expect(within(result).getByText('Not enough balance (HTTP 422)')).toBeInTheDocument());
    expect(within(result).getByTestId('test-send-status')).toHaveTextContent('Failed, not sent');
  });

  it('a timeout shows "unknown" and says it is not retried', async () => {
    await renderPage({
      sendTestCode: async () => err('timeout', 'late', { details: { logId: 43, status: 'unknown' } }),
      getTestSendStatus: async () => ok({ logId: 43, status: 'unknown', mode: 'live', parts: 1, following: false }),
    });
    await userEvent.type(screen.getByLabelText('Phone number'), '0612345678');
    await userEvent.click(screen.getByRole('button', { name: 'Check and send…' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Send test code' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('It is not retried automatically');
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByTestId('test-send-status')).toHaveTextContent('Unknown: may have been sent');
  });

  it('saves the cost guards, parsing the country list', async () => {
    const calls = await renderPage();
    const cap = screen.getByLabelText('Test sends per provider in 24 hours');
    await userEvent.clear(cap);
    await userEvent.type(cap, '3');
    const countries = screen.getByLabelText('Allowed countries');
    await userEvent.clear(countries);
    await userEvent.type(countries, 'nl, be de');
    await userEvent.type(screen.getByLabelText('Your price per SMS part for Germany (€)'), '0,09');
    await userEvent.click(screen.getByRole('button', { name: 'Save cost guards' }));
    expect(calls.settings).toHaveBeenCalledWith({ dailyCap: 3, confirmationDailyCap: 10, allowedCountries: ['NL', 'BE', 'DE'], pricesPerPart: { DE: 0.09 } });
    expect(await screen.findByText('Cost guards saved.')).toBeInTheDocument();
  });

  it('refuses to save a malformed country list', async () => {
    const calls = await renderPage();
    const countries = screen.getByLabelText('Allowed countries');
    await userEvent.clear(countries);
    await userEvent.type(countries, 'Netherlands');
    await userEvent.click(screen.getByRole('button', { name: 'Save cost guards' }));
    expect(countries).toHaveAttribute('aria-invalid', 'true');
    expect(calls.settings).not.toHaveBeenCalled();
  });

  it('points to Setup when there is no active provider', async () => {
    renderWithBridge(<TestSendPage />, bridgeWith({ getTestSendSetup: async () => ok({ ...SETUP, profiles: [] }) }).bridge);
    expect(await screen.findByText(/There is no active SMS provider/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to Setup' })).toBeInTheDocument();
  });

  it('speaks Dutch', async () => {
    await act(async () => {
      await i18n.changeLanguage('nl');
    });
    renderWithBridge(<TestSendPage />, bridgeWith().bridge);
    expect(await screen.findByLabelText('Versturen via')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Testbericht' })).toBeInTheDocument();
    expect(screen.getByLabelText('Telefoonnummer')).toBeInTheDocument();
    expect(screen.getByText('GSM-7 · 16 van 160 tekens · 1 sms-deel')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Controleren en versturen…' })).toBeInTheDocument();
  });

  it('starts from the built-in text of the screen language, and keeps a text the admin saved', async () => {
    renderWithBridge(<TestSendPage />, bridgeWith().bridge);
    expect(await screen.findByLabelText('Message text')).toHaveValue('Test code: {code}');
    cleanup();
    await act(async () => {
      await i18n.changeLanguage('nl');
    });
    renderWithBridge(<TestSendPage />, bridgeWith().bridge);
    expect(await screen.findByLabelText('Berichttekst')).toHaveValue('Testcode: {code}');
    cleanup();
    const own = { ...SETUP, settings: { ...SETUP.settings, template: 'Inlogtest {code}' } };
    renderWithBridge(<TestSendPage />, bridgeWith({ getTestSendSetup: async () => ok(own) }).bridge);
    expect(await screen.findByLabelText('Berichttekst')).toHaveValue('Inlogtest {code}');
  });
});
