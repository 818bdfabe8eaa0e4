import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/app/App';
import { i18n } from '../../src/renderer/src/i18n';
import type { AppInfo } from '@shared/contract/platform';
import { ok } from '@shared/result';
import { appInfo, fakeBridge, renderWithBridge } from './helpers';

const damagedLog = { code: 'send_log_corrupt', movedTo: '/data/send-log.corrupt-1.sqlite' } as const;

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('startup warning: damaged send log', () => {
  it('points to Settings from any page and shows where the damaged log went', async () => {
    renderWithBridge(<App />, fakeBridge({}, { info: appInfo({ warnings: [damagedLog] }) }));
    await userEvent.click(await screen.findByRole('button', { name: 'Show in Settings' }));
    expect(await screen.findByText(/send log was damaged/)).toHaveTextContent('/data/send-log.corrupt-1.sqlite');
  });

  it('says it in Dutch too', async () => {
    renderWithBridge(<App />, fakeBridge({}, { info: appInfo({ warnings: [damagedLog] }), preferences: { language: 'nl' } as never }));
    await userEvent.click(await screen.findByRole('button', { name: 'Bekijken in Instellingen' }));
    expect(await screen.findByText(/verzendlog was beschadigd/)).toHaveTextContent('/data/send-log.corrupt-1.sqlite');
  });
});

describe('startup warnings: a profile set aside, a damaged vault.key, an emptied send log', () => {
  const warnings = [
    { code: 'profile_invalid', movedTo: 'profilesSetAside', participantNumber: '11111' },
    { code: 'vault_key_damaged', movedTo: '/data/vault.key.damaged-1' },
    { code: 'send_log_emptied', movedTo: '/data/send-log.emptied-1.sqlite', rows: 3 },
  ] as const;

  it('names the participant number of the profile set aside, and says what to do about each', async () => {
    renderWithBridge(<App />, fakeBridge({}, { info: appInfo({ warnings: [...warnings] }) }));
    await userEvent.click(await screen.findByRole('button', { name: 'Show in Settings' }));
    expect(await screen.findByText(/SMS provider for participant number 11111 .* set aside/)).toHaveTextContent('The other SMS providers work as usual');
    expect(screen.getByText(/vault\.key was damaged/)).toHaveTextContent('Enter the API key of each SMS provider again');
    expect(screen.getByText(/held 3 rows when the app last closed/)).toHaveTextContent('/data/send-log.emptied-1.sqlite');
  });

  it('says it in Dutch too', async () => {
    renderWithBridge(<App />, fakeBridge({}, { info: appInfo({ warnings: [...warnings] }), preferences: { language: 'nl' } as never }));
    await userEvent.click(await screen.findByRole('button', { name: 'Bekijken in Instellingen' }));
    expect(await screen.findByText(/SMS-provider voor deelnemernummer 11111 .* apart gezet/)).toBeInTheDocument();
    expect(screen.getByText(/vault\.key was beschadigd/)).toHaveTextContent('Vul op de pagina Inrichten de API-sleutel');
    expect(screen.getByText(/3 regels in stonden/)).toBeInTheDocument();
  });
});

describe('a warning that arrives while the app runs', () => {
  it('shows on Settings when it opens: a send log found damaged during a send', async () => {
    let warnings: AppInfo['warnings'] = [];
    const bridge = fakeBridge({ getAppInfo: async () => ok(appInfo({ warnings })) });
    renderWithBridge(<App />, bridge);
    await screen.findByRole('button', { name: 'Settings' });
    warnings = [{ code: 'send_log_corrupt', movedTo: '/data/send-log.corrupt-2.sqlite' }];
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText(/send log was damaged/)).toHaveTextContent('/data/send-log.corrupt-2.sqlite');
  });
});
