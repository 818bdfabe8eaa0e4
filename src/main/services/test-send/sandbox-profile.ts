import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import type { ActiveProfileInfo } from './test-send-context';

/** The built-in profile of Sandbox mode: no key, no network, no cost. */
export const SANDBOX_PROFILE: ActiveProfileInfo & { apiKey: string } = {
  id: SANDBOX_PROFILE_ID,
  participantNumber: 'sandbox',
  description: 'Sandbox',
  originator: 'Sandbox',
  apiKey: 'sandbox-test-send',
};
