import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/src/app/App';
import { useNavigationStore } from '../../src/renderer/src/app/navigation-store';
import { useConnectionTestStore } from '../../src/renderer/src/features/settings/settings-store';
import type { KeyCheck } from '@shared/contract';
import { err, ok } from '@shared/result';
import { appInfo, fakeBridge, renderWithBridge } from './helpers';

async function openSettings(bridge = fakeBridge()) {
  renderWithBridge(<App />, bridge);
  useNavigationStore.getState().go('settings');
  await screen.findByLabelText('Language of the app');
  return bridge;
}

const liveCheck: KeyCheck = { keyKind: 'live', balance: { amount: 12.5, type: 'euros', payment: 'prepaid' } };

describe('Settings: connection test', () => {
  beforeEach(() => useConnectionTestStore.setState(useConnectionTestStore.getInitialState(), true));

  it('checks a live key and shows kind and balance in the result region', async () => {
    let release: () => void = () => undefined;
    const checkApiKey = vi.fn(() => new Promise<ReturnType<typeof ok<KeyCheck>>>((resolve) => (release = () => resolve(ok(liveCheck)))));
    await openSettings(fakeBridge({ checkApiKey }));

    const field = screen.getByLabelText('MessageBird API key');
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveAttribute('autocomplete', 'off');
    await userEvent.type(field, '  live_AbC123 ');
    await userEvent.click(screen.getByRole('button', { name: 'Check key' }));

    const region = screen.getByRole('status', { name: 'Connection test result' });
    expect(region).toHaveTextContent('Checking the key with MessageBird');
    expect(screen.getByRole('button', { name: 'Check key' })).toBeDisabled();
    release();

    await waitFor(() => expect(region).toHaveTextContent('MessageBird accepted the key.'));
    expect(checkApiKey).toHaveBeenCalledWith({ apiKey: 'live_AbC123' });
    expect(region).toHaveTextContent('Live key');
    expect(region).toHaveTextContent('€12.50');
    expect(region).toHaveTextContent('Euros');
    expect(region).toHaveTextContent('Prepaid');
    expect(region).not.toHaveTextContent('delivers nothing');
    expect(screen.getByRole('button', { name: 'Check key' })).toBeEnabled();
  });

  it('says plainly that a test key delivers nothing', async () => {
    const testCheck: KeyCheck = { keyKind: 'test', balance: { amount: 0, type: 'credits', payment: 'postpaid' } };
    await openSettings(fakeBridge({ checkApiKey: async () => ok(testCheck) }));
    await userEvent.type(screen.getByLabelText('MessageBird API key'), 'test_abc');
    await userEvent.click(screen.getByRole('button', { name: 'Check key' }));
    const region = screen.getByRole('status', { name: 'Connection test result' });
    await waitFor(() => expect(region).toHaveTextContent('Test key'));
    expect(region).toHaveTextContent('delivers nothing to phones');
    expect(region).toHaveTextContent('Credits');
    expect(region).toHaveTextContent('Postpaid');
  });

  it('shows a rejected key as words, not as a code', async () => {
    await openSettings(fakeBridge({ checkApiKey: async () => err('key_rejected', 'Request not allowed (code 2)', { details: { providerCode: 2 } }) }));
    await userEvent.type(screen.getByLabelText('MessageBird API key'), 'wrongkey');
    await userEvent.click(screen.getByRole('button', { name: 'Check key' }));
    const region = screen.getByRole('status', { name: 'Connection test result' });
    await waitFor(() => expect(region).toHaveTextContent('The key check failed.'));
    expect(region).toHaveTextContent('MessageBird rejected the API key.');
    expect(region).toHaveTextContent('MessageBird error code 2.');
    expect(region).not.toHaveTextContent('Request not allowed');
  });

  it('catches a malformed key before calling main, and focuses the field', async () => {
    const checkApiKey = vi.fn(async () => ok(liveCheck));
    await openSettings(fakeBridge({ checkApiKey }));
    const field = screen.getByLabelText('MessageBird API key');
    await userEvent.type(field, 'has space');
    await userEvent.click(screen.getByRole('button', { name: 'Check key' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/only letters, digits/);
    expect(field).toHaveFocus();
    expect(checkApiKey).not.toHaveBeenCalled();
  });
});

describe('Settings: key storage', () => {
  it('asks explicit consent for unencrypted basic_text storage and saves it', async () => {
    const bridge = fakeBridge({}, { info: appInfo({ vault: { protection: 'basic_text', encrypted: false, backend: 'basic_text' } }) });
    const update = vi.spyOn(bridge, 'updateSettings');
    await openSettings(bridge);
    const section = screen.getByRole('region', { name: 'API key storage' });
    expect(section).toHaveTextContent('Not encrypted (Linux basic_text)');
    const consent = within(section).getByRole('checkbox', { name: /stored without encryption/ });
    expect(consent).not.toBeChecked();
    await userEvent.click(consent);
    expect(update).toHaveBeenCalledWith({ allowUnprotectedKeyStorage: true });
    await waitFor(() => expect(consent).toBeChecked());
  });

  it.each([
    ['os', 'Encrypted by the operating system'],
    ['host_file', 'Browser host: key file beside the data'],
    ['unavailable', 'Unavailable'],
  ] as const)('names %s protection in words and asks no consent', async (protection, words) => {
    await openSettings(fakeBridge({}, { info: appInfo({ vault: { protection, encrypted: protection === 'os', backend: 'x' } }) }));
    const section = screen.getByRole('region', { name: 'API key storage' });
    expect(section).toHaveTextContent(words);
    expect(within(section).queryByRole('checkbox')).toBeNull();
  });
});

describe('Settings: gateway and warnings', () => {
  it('confirms before switching to MessageBird, and the badge turns Live', async () => {
    const bridge = fakeBridge();
    const update = vi.spyOn(bridge, 'updateSettings');
    await openSettings(bridge);
    expect(screen.getByLabelText('Sandbox scenario')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'MessageBird (real SMS)' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to MessageBird?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(update).not.toHaveBeenCalled();
    expect(screen.getByRole('radio', { name: 'Sandbox (simulated, free)' })).toBeChecked();

    await userEvent.click(screen.getByRole('radio', { name: 'MessageBird (real SMS)' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Switch to MessageBird' }));
    expect(update).toHaveBeenCalledWith({ gatewayMode: 'messagebird' });
    await waitFor(() => expect(screen.getByRole('banner')).toHaveTextContent('Mode: Live'));
    expect(screen.getByRole('note')).toHaveTextContent('sends real SMS');
    expect(screen.queryByLabelText('Sandbox scenario')).toBeNull();
  });

  it('saves the sandbox scenario', async () => {
    const bridge = fakeBridge();
    const update = vi.spyOn(bridge, 'updateSettings');
    await openSettings(bridge);
    await userEvent.selectOptions(screen.getByLabelText('Sandbox scenario'), 'timeout');
    expect(update).toHaveBeenCalledWith({ sandboxScenario: 'timeout' });
  });

  it('shows startup warnings with the path the damaged file was moved to, and the version', async () => {
    await openSettings(fakeBridge({}, { info: appInfo({ version: '9.8.7', warnings: [{ code: 'settings_corrupt', movedTo: '/data/settings.json.corrupt-1' }] }) }));
    expect(screen.getByText(/settings file was damaged/)).toHaveTextContent('/data/settings.json.corrupt-1');
    expect(screen.getByRole('region', { name: 'About' })).toHaveTextContent('9.8.7');
  });

  it('says when a setting could not be saved', async () => {
    await openSettings(fakeBridge({ updateSettings: async () => err('invalid_input', 'bad') }));
    await userEvent.selectOptions(screen.getByLabelText('Sandbox scenario'), 'timeout');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The setting could not be saved.');
    expect(alert).toHaveTextContent('Some input was not accepted');
  });
});
