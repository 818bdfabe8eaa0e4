import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n, initI18n } from '../../src/renderer/src/i18n';

// Every test starts in English with no bridge; a test that needs Dutch or a bridge says so.
initI18n('en');

beforeEach(async () => {
  if (i18n.language !== 'en') await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
  delete window.smsAdmin;
});
