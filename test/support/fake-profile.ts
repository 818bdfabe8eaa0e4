import { FAKE_LIVE_KEY, type FakeMessageBird } from '../fakes/fake-messagebird';

/** One contract call, as the browser host's HTTP API and main's dispatch both answer it: a Result. */
export type ContractCall = (method: string, input?: unknown) => Promise<unknown>;

/** The call's value; a refusal throws, naming the method and the error. */
export async function callOk<T>(call: ContractCall, method: string, input?: unknown): Promise<T> {
  const result = (await call(method, input)) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/**
 * An active profile (participant 12345, sender Acme) with the fake's live key, set up through the
 * contract as the wizard does: the confirmation code is read from the message the fake received.
 */
export async function activeFakeProfile(call: ContractCall, fake: FakeMessageBird): Promise<string> {
  const { profileId } = await callOk<{ profileId: string }>(call, 'startProfileSetup', {
    participantNumber: '12345',
    description: 'Acme',
    originator: 'Acme',
    adminPhone: '+31687654321',
    apiKey: FAKE_LIVE_KEY,
    language: 'en',
  });
  const code = /\d{6}/.exec(fake.messages().at(-1)?.body ?? '')?.[0];
  await callOk(call, 'verifyProfileCode', { id: profileId, code });
  await callOk(call, 'activateProfile', { id: profileId, acknowledgeCosts: true });
  return profileId;
}
