import type { ProfileDetailsInput } from '@shared/contract/profiles';
import { FAKE_LIVE_KEY } from '../../../../fakes/fake-messagebird';

/** Valid step-1 details with the fake's live key; override what a test is about. */
export const details = (over: Partial<ProfileDetailsInput> = {}): ProfileDetailsInput => ({
  participantNumber: '12345',
  description: 'Productie',
  originator: 'Acme',
  adminPhone: '06 12345678',
  apiKey: FAKE_LIVE_KEY,
  ...over,
});
