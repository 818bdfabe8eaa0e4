import { expect } from 'vitest';
import type { Services } from '../../../../../src/main/services';
import type { ProfileDetailsInput } from '@shared/contract/profiles';
import type { ConfirmationSent, ProfileView } from '@shared/profile-types';
import type { FakeMessageBird } from '../../../../fakes/fake-messagebird';

/** A Dutch mobile number on the default allow-list. */
export const NL_TEST_RECIPIENT = '+31687650000';

/** The code in a Sandbox send's simulated SMS. */
export function sandboxCode(sent: ConfirmationSent): string {
  const code = /\b(\d{6})\b/.exec(sent.simulatedSms?.body ?? '')?.[1];
  if (!code) throw new Error('no simulated SMS with a code');
  return code;
}

/** The code in the last SMS the fake MessageBird received. */
export function lastFakeCode(fake: FakeMessageBird): string {
  const sent = fake.requests.filter((r) => r.method === 'POST' && r.path === '/messages').at(-1);
  const code = /\b(\d{6})\b/.exec((sent?.body as { body?: string } | undefined)?.body ?? '')?.[1];
  if (!code) throw new Error('no SMS with a code reached the fake');
  return code;
}

/** "Next" with these details, then the code from the fake's last SMS; returns the verified profile. */
export async function startAndVerify(services: Services, fake: FakeMessageBird, input: ProfileDetailsInput): Promise<ProfileView> {
  const started = await services.profiles.startSetup(input);
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`);
  const verified = services.profiles.verify(started.value.profileId, lastFakeCode(fake));
  expect(verified.ok).toBe(true);
  if (!verified.ok) throw new Error(verified.error.code);
  return verified.value;
}
