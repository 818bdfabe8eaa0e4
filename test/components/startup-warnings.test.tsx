import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/app/App';
import { i18n } from '../../src/renderer/src/i18n';
import { appInfo, fakeBridge, renderWithBridge } from './helpers';

const damagedLog = { code: 'send_log_corrupt', movedTo: '/data/send-log.corrupt-1.sqlite' } as const;

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('startup warning: damaged send log', () => {
  it('points to Settings from any page and shows where the damaged log went', async () => {
    renderWithBridge(<App />, fakeBridge({}, { info: appInfo({ warnings: [damagedLog] }) }));
    await userEvent.click(await screen.findByRole('button', { name: 'Show in Settings' }));
    expect(screen.getByText(/send log was damaged/)).toHaveTextContent('/data/send-log.corrupt-1.sqlite');
  });

  it('says it in Dutch too', async () => {
    renderWithBridge(<App />, fakeBridge({}, { info: appInfo({ warnings: [damagedLog] }), preferences: { language: 'nl' } as never }));
    await userEvent.click(await screen.findByRole('button', { name: 'Bekijk in Instellingen' }));
    expect(screen.getByText(/verzendlog was beschadigd/)).toHaveTextContent('/data/send-log.corrupt-1.sqlite');
  });
});
