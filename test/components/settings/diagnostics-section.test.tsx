import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticsSection } from '../../../src/renderer/src/features/settings/DiagnosticsSection';
import { i18n } from '../../../src/renderer/src/i18n';
import { ok } from '@shared/result';
import { appInfo, fakeBridge, renderWithBridge } from '../helpers';

const LOG = '/home/admin/.config/SMS Provider Admin/logs/main.log';

describe('Settings: connection route and diagnostics log', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it.each([
    [{ route: 'direct', via: null }, 'Direct to rest.messagebird.com'],
    [{ route: 'https_proxy', via: 'proxy.example:8080' }, 'Through the proxy set in HTTPS_PROXY (proxy.example:8080)'],
    [{ route: 'system_proxy', via: 'proxy.corp.example:3128' }, 'Through the system proxy (proxy.corp.example:3128)'],
    [{ route: 'connect_to', via: '127.0.0.1:8443' }, 'Redirected by MESSAGEBIRD_CONNECT_TO to 127.0.0.1:8443 (test set-up)'],
  ] as const)('says which route is in use: %o', (network, text) => {
    renderWithBridge(<DiagnosticsSection info={appInfo({ network })} />);
    const section = screen.getByRole('region', { name: 'Connection to MessageBird' });
    expect(within(section).getByText(text)).toBeInTheDocument();
  });

  it('says it in Dutch too', async () => {
    await i18n.changeLanguage('nl');
    renderWithBridge(<DiagnosticsSection info={appInfo({ network: { route: 'system_proxy', via: 'proxy.corp.example:3128' } })} />);
    expect(screen.getByText('Via de proxy van het systeem (proxy.corp.example:3128)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Logbestand openen' })).toBeInTheDocument();
  });

  it('desktop app: shows where the log is and opens it', async () => {
    const openDiagnosticsLog = vi.fn(async () => ok({ opened: true, path: LOG }));
    renderWithBridge(<DiagnosticsSection info={appInfo({ host: 'electron', diagnosticsLog: LOG })} />, fakeBridge({ openDiagnosticsLog }));
    expect(screen.getByText(LOG)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open log file' }));
    expect(openDiagnosticsLog).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/could not be opened/)).not.toBeInTheDocument();
  });

  it('desktop app: says so when the system could not open it', async () => {
    const openDiagnosticsLog = vi.fn(async () => ok({ opened: false, path: LOG }));
    renderWithBridge(<DiagnosticsSection info={appInfo({ host: 'electron', diagnosticsLog: LOG })} />, fakeBridge({ openDiagnosticsLog }));
    await userEvent.click(screen.getByRole('button', { name: 'Open log file' }));
    expect(await screen.findByText('The log file could not be opened. You can find it at the location above.')).toBeInTheDocument();
  });

  it('browser host: shows the path instead of a button', () => {
    renderWithBridge(<DiagnosticsSection info={appInfo({ host: 'browser', diagnosticsLog: '/srv/data/logs/main.log' })} />);
    expect(screen.getByText('/srv/data/logs/main.log')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open log file' })).not.toBeInTheDocument();
    expect(screen.getByText('The browser host cannot open files for you. Open the log file at the location above.')).toBeInTheDocument();
  });
});
