/**
 * Sets up the three profiles the review tests need, through the contract as the wizard calls it:
 * - `sandbox`  (participant number 23456): confirmed in Sandbox mode — never ready;
 * - `ready`    (12345): confirmed with MessageBird (the fake), key checked, marked saved in the AFAS portal;
 * - `noPortal` (34567): confirmed with MessageBird, never marked saved in the portal.
 * Leaves the host in MessageBird mode. Matches test/fixtures/user-list/expected.json (only 12345 serves logins
 * when `noPortal` is left out of the count: it is active too, but no fixture user belongs to 34567).
 */
import { expect } from '@playwright/test';
import type { FakeMessageBird } from '../../fakes/fake-messagebird';
import type { HostProcess } from './host-process';

export const REVIEW_KEY = 'LiveReviewKey0123456789';
export const REVIEW_ADMIN_PHONE = '+31687654321';

const codeIn = (text: string | undefined) => /\b\d{6}\b/.exec(text ?? '')?.[0];

async function ok<T>(host: HostProcess, method: string, input?: unknown): Promise<T> {
  const result = (await host.call(method, input)) as { ok: boolean; value?: T };
  expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true);
  return result.value as T;
}

async function confirm(host: HostProcess, participantNumber: string, description: string, codeOf: (sent: { simulatedSms?: { body: string } }) => string | undefined) {
  const sent = await ok<{ profileId: string; simulatedSms?: { body: string } }>(host, 'startProfileSetup', {
    participantNumber,
    description,
    originator: 'Acme',
    adminPhone: REVIEW_ADMIN_PHONE,
    apiKey: REVIEW_KEY,
    language: 'nl',
  });
  const code = codeOf(sent);
  expect(code, `no code for ${participantNumber}`).toBeDefined();
  await ok(host, 'verifyProfileCode', { id: sent.profileId, code });
  await ok(host, 'activateProfile', { id: sent.profileId, acknowledgeCosts: true });
  return sent.profileId;
}

export async function setUpReviewProfiles(host: HostProcess, fake: FakeMessageBird): Promise<{ sandbox: string; ready: string; noPortal: string }> {
  fake.setKey(REVIEW_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 56 } });
  const sandbox = await confirm(host, '23456', 'Sandbox BV', (sent) => codeIn(sent.simulatedSms?.body));
  await ok(host, 'updateSettings', { gatewayMode: 'messagebird' });
  const fromFake = () => codeIn(fake.messages().at(-1)?.body);
  const ready = await confirm(host, '12345', 'Productie BV', fromFake);
  await ok(host, 'checkProfileKey', { id: ready });
  await ok(host, 'markPortalSaved', { profileId: ready, note: 'Ingevoerd door Jan' });
  const noPortal = await confirm(host, '34567', 'Acceptatie BV', fromFake);
  return { sandbox, ready, noPortal };
}
