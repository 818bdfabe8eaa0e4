import { describe, expect, it } from 'vitest';
import { profilesContract } from '@shared/contract/profiles';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('profiles contract inputs', () => {
  it('activation needs acknowledgeCosts: true, nothing else', () => {
    const input = profilesContract.activateProfile.input;
    expect(input.safeParse({ id: ID, acknowledgeCosts: true }).success).toBe(true);
    expect(input.safeParse({ id: ID, acknowledgeCosts: false }).success).toBe(false);
    expect(input.safeParse({ id: ID }).success).toBe(false);
    expect(input.safeParse({ id: ID, acknowledgeCosts: true, extra: 1 }).success).toBe(false);
  });

  it.each(['removeProfileKey', 'disableProfile', 'deleteProfile'] as const)('%s needs confirm: true', (method) => {
    const input = profilesContract[method].input;
    expect(input.safeParse({ id: ID, confirm: true }).success).toBe(true);
    expect(input.safeParse({ id: ID, confirm: false }).success).toBe(false);
    expect(input.safeParse({ id: ID }).success).toBe(false);
  });

  it('caps every string and refuses odd ids', () => {
    const details = profilesContract.startProfileSetup.input;
    const ok = { participantNumber: '12345', description: 'x', originator: 'Acme', adminPhone: '0612345678', apiKey: 'Key123' };
    expect(details.safeParse(ok).success).toBe(true);
    expect(details.safeParse({ ...ok, description: 'x'.repeat(201) }).success).toBe(false);
    expect(details.safeParse({ ...ok, originator: 'x'.repeat(41) }).success).toBe(false);
    expect(details.safeParse({ ...ok, adminPhone: '1'.repeat(33) }).success).toBe(false);
    expect(details.safeParse({ ...ok, apiKey: 'k'.repeat(129) }).success).toBe(false);
    expect(details.safeParse({ ...ok, id: '../../main/etc' }).success).toBe(false);
    expect(details.safeParse({ ...ok, language: 'de' }).success).toBe(false);
    expect(profilesContract.verifyProfileCode.input.safeParse({ id: ID, code: '1'.repeat(13) }).success).toBe(false);
  });
});
