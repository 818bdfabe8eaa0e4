import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n, initI18n } from '../../src/renderer/src/i18n';

// Every test starts in English with no bridge; a test that needs Dutch or a bridge says so.
await initI18n('en');
// The app loads a language's texts on first use; load Dutch once here so a test's switch is immediate.
await i18n.loadLanguages('nl');

beforeEach(async () => {
  if (i18n.language !== 'en') await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
  delete window.smsAdmin;
});
