// The Dutch texts, loaded on demand (see index.ts). `tsc` fails here when a key of the English
// texts is missing.
import type { Resources, SameKeys } from './resource-shape';
import nlCommon from './locales/nl/common.json';
import nlErrors from './locales/nl/errors.json';
import nlReview from './locales/nl/review.json';
import nlSendLog from './locales/nl/sendLog.json';
import nlSettings from './locales/nl/settings.json';
import nlSetup from './locales/nl/setup.json';
import nlTestSend from './locales/nl/testSend.json';

export const nl = {
  common: nlCommon,
  errors: nlErrors,
  settings: nlSettings,
  setup: nlSetup,
  testSend: nlTestSend,
  sendLog: nlSendLog,
  review: nlReview,
} satisfies SameKeys<Resources>;
