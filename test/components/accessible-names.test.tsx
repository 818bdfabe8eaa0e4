import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/app/App';
import { PAGES } from '../../src/renderer/src/app/pages';
import { useNavigationStore } from '../../src/renderer/src/app/navigation-store';
import { i18n } from '../../src/renderer/src/i18n';
import { err } from '@shared/result';
import { appInfo, fakeBridge, renderWithBridge, unnamedControls } from './helpers';

describe('accessible names', () => {
  it.each(['en', 'nl'])('every button and form control on every page has a name (%s)', async (lng) => {
    await i18n.changeLanguage(lng);
    const bridge = fakeBridge(
      { checkApiKey: async () => err('timeout', 'slow') },
      { info: appInfo({ vault: { protection: 'basic_text', encrypted: false, backend: 'basic_text' } }), preferences: { language: lng } as never },
    );
    renderWithBridge(<App />, bridge);
    await screen.findAllByRole('button');
    for (const page of PAGES) {
      useNavigationStore.getState().go(page.id);
      await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument());
      expect(unnamedControls(), page.id).toEqual([]);
    }
    // States that only appear after interaction: a failed check and the confirmation dialog.
    await userEvent.type(screen.getByLabelText(lng === 'nl' ? 'API-sleutel van MessageBird' : 'MessageBird API key'), 'abc');
    await userEvent.click(screen.getByRole('button', { name: lng === 'nl' ? 'Sleutel controleren' : 'Check key' }));
    await userEvent.click(screen.getByRole('radio', { name: lng === 'nl' ? 'MessageBird (echte sms-berichten)' : 'MessageBird (real SMS)' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(unnamedControls()).toEqual([]);
  });

  it('the walker does catch an unnamed button and an unlabelled input', () => {
    document.body.innerHTML = '<button></button><input type="text"><label>ok <input type="checkbox"></label>';
    expect(unnamedControls()).toHaveLength(2);
    document.body.innerHTML = '';
  });
});
