import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/src/app/App';
import { useNavigationStore } from '../../src/renderer/src/app/navigation-store';
import { i18n, languageForLocale, resolveLanguage } from '../../src/renderer/src/i18n';
import { errorText } from '../../src/renderer/src/i18n/error-text';
import { COMMON_ERROR_CODES } from '@shared/contract';
import { GATEWAY_ERROR_CODES } from '@shared/gateway-types';
import { fakeBridge, renderWithBridge } from './helpers';

describe('language choice', () => {
  it('uses Dutch for every nl* locale and English otherwise', () => {
    expect(languageForLocale('nl')).toBe('nl');
    expect(languageForLocale('nl-BE')).toBe('nl');
    expect(languageForLocale('NL-nl')).toBe('nl');
    expect(languageForLocale('en-US')).toBe('en');
    expect(languageForLocale('de-DE')).toBe('en');
    expect(languageForLocale('fy-NL')).toBe('en');
    expect(resolveLanguage('system', 'nl-NL')).toBe('nl');
    expect(resolveLanguage('en', 'nl-NL')).toBe('en');
    expect(resolveLanguage('nl', 'en-GB')).toBe('nl');
  });

  it('follows a saved preference on start', async () => {
    renderWithBridge(<App />, fakeBridge({}, { preferences: { language: 'nl' } as never }));
    expect(await screen.findByRole('navigation', { name: 'Hoofdnavigatie' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nl');
  });

  it('follows a Dutch system locale when the preference is "system"', async () => {
    const spy = vi.spyOn(navigator, 'language', 'get').mockReturnValue('nl-BE');
    try {
      renderWithBridge(<App />);
      expect(await screen.findByRole('button', { name: 'Instellingen' })).toBeInTheDocument();
    } finally {
      spy.mockRestore();
    }
  });

  it('switches live between English and Dutch from Settings, including <html lang>', async () => {
    const bridge = fakeBridge();
    const update = vi.spyOn(bridge, 'updateSettings');
    renderWithBridge(<App />, bridge);
    useNavigationStore.getState().go('settings');
    const select = await screen.findByLabelText('Language of the app');
    expect(document.documentElement.lang).toBe('en');

    await userEvent.selectOptions(select, 'nl');
    expect(update).toHaveBeenCalledWith({ language: 'nl' });
    await waitFor(() => expect(document.documentElement.lang).toBe('nl'));
    const nav = screen.getByRole('navigation', { name: 'Hoofdnavigatie' });
    expect(within(nav).getByRole('button', { name: 'Instellingen' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Instellingen');
    expect(screen.getByRole('banner')).toHaveTextContent('Modus: Sandbox');

    await userEvent.selectOptions(screen.getByLabelText('Taal van de app'), 'en');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Settings');
  });
});

describe('error texts', () => {
  const codes = [...COMMON_ERROR_CODES, ...GATEWAY_ERROR_CODES];

  it.each(['en', 'nl'])('has a specific %s message for every common and gateway error code', async (lng) => {
    await i18n.changeLanguage(lng);
    const generic = errorText({ code: 'no_such_code' });
    const texts = codes.map((code) => errorText({ code }));
    for (const [index, text] of texts.entries()) {
      expect(text, codes[index]).not.toBe(generic);
      expect(text.length, codes[index]).toBeGreaterThan(20);
    }
    expect(new Set(texts).size).toBe(codes.length);
  });

  it('counts with plural forms in both languages ("1 poging", never "1 pogingen")', async () => {
    const wrong = (attemptsLeft: number) => errorText({ code: 'code_wrong', details: { attemptsLeft } }, { ns: 'setup' });
    await i18n.changeLanguage('nl');
    expect(wrong(1)).toBe('Die code klopt niet. Je hebt nog 1 poging.');
    expect(wrong(4)).toBe('Die code klopt niet. Je hebt nog 4 pogingen.');
    expect(errorText({ code: 'resend_cooldown', details: { waitSeconds: 1 } }, { ns: 'setup' })).toMatch(/nog 1 seconde voordat/);
    await i18n.changeLanguage('en');
    expect(wrong(1)).toBe('That code is not correct. 1 attempt left.');
    expect(wrong(4)).toBe('That code is not correct. 4 attempts left.');
  });

  it('names an unknown code and appends a MessageBird error code', () => {
    expect(errorText({ code: 'weird' })).toBe('Unexpected error (code weird).');
    expect(errorText({ code: 'key_rejected', details: { providerCode: 2 } })).toMatch(/MessageBird error code 2\.$/);
  });
});
