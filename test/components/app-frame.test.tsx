import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/app/App';
import type { SendMode } from '@shared/gateway-types';
import { appInfo, fakeBridge, renderWithBridge } from './helpers';

describe('App frame', () => {
  it('shows the five pages in the navigation and switches between them', async () => {
    renderWithBridge(<App />);
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    const names = within(nav).getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['Setup', 'Test send', 'Send log', 'Review', 'Settings']);
    expect(within(nav).getByRole('button', { name: 'Setup' })).toHaveAttribute('aria-current', 'page');

    await userEvent.click(within(nav).getByRole('button', { name: 'Review' }));
    // Pages load on first visit; the heading takes focus once the page is there.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Review' })).toHaveFocus());
    expect(within(nav).getByRole('button', { name: 'Review' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: 'Setup' })).not.toHaveAttribute('aria-current');
  });

  it.each([
    ['sandbox', 'Sandbox'],
    ['test', 'Test key'],
    ['live', 'Live'],
  ] as Array<[SendMode, string]>)('shows the %s mode as "%s" in the header', async (mode, text) => {
    renderWithBridge(<App />, fakeBridge({}, { info: appInfo({ mode }) }));
    const banner = screen.getByRole('banner');
    const badge = await within(banner).findByText(text);
    expect(badge.closest('[data-mode]')).toHaveAttribute('data-mode', mode);
    expect(banner).toHaveTextContent(`Mode: ${text}`);
  });

  it('says in words when app info cannot be loaded', async () => {
    renderWithBridge(
      <App />,
      fakeBridge({ getAppInfo: async () => ({ ok: false, error: { code: 'forbidden_sender', message: 'x' } }) }),
    );
    // Feature pages may show their own alerts; find the frame's by its words.
    const alert = (await screen.findByText('The app could not load its settings.')).closest('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert).toHaveTextContent('not allowed to talk to the app');
  });

  it('points to Settings when main reported startup warnings', async () => {
    renderWithBridge(<App />, fakeBridge({}, { info: appInfo({ warnings: [{ code: 'vault_corrupt', movedTo: '/d/vault.bad' }] }) }));
    await userEvent.click(await screen.findByRole('button', { name: 'Show in Settings' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toHaveFocus());
    expect(screen.getByText(/stored key file was damaged/)).toHaveTextContent('/d/vault.bad');
    expect(screen.queryByRole('button', { name: 'Show in Settings' })).toBeNull();
  });
});
