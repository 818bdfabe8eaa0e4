// The English texts, one namespace per feature. Loaded on demand (see index.ts); English is the
// reference shape that types `t()` keys.
import enCommon from './locales/en/common.json';
import enErrors from './locales/en/errors.json';
import enReview from './locales/en/review.json';
import enSendLog from './locales/en/sendLog.json';
import enSettings from './locales/en/settings.json';
import enSetup from './locales/en/setup.json';
import enTestSend from './locales/en/testSend.json';

export const en = {
  common: enCommon,
  errors: enErrors,
  settings: enSettings,
  setup: enSetup,
  testSend: enTestSend,
  sendLog: enSendLog,
  review: enReview,
};
