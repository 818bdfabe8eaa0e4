/**
 * Wizard step 1: the details of a profile, checked and saved as a draft (new profile) or as a pending
 * change (active profile). The settings in effect stay until the change is confirmed and activated.
 */
import type { ProfileDetailsInput } from '@shared/contract/profiles';
import { err, ok, type Result } from '@shared/result';
import { parseOriginator } from '@shared/rules/originator';
import { parseDescription, parseParticipantNumber } from '@shared/rules/participant-number';
import { parseMobile } from '@shared/rules/phone';
import type { ProfilesContext } from './profile-context';
import { activeKeyId, pendingKeyId, storeKey } from './profile-keys';
import type { StoredKeyInfo, StoredProfile } from './profile-store';

export type ValidationCode = 'invalid_participant_number' | 'invalid_description' | 'invalid_originator' | 'invalid_phone';
export type StateCode =
  | 'profile_not_found'
  | 'participant_number_taken'
  | 'participant_number_locked'
  | 'key_required'
  | 'vault_unavailable'
  | 'vault_consent_required';

/**
 * Saves the details. With `forConfirmation` ("Next") they always become a pending change to confirm;
 * otherwise a description-only edit of an active profile applies at once (it is internal).
 */
export async function saveDetails(
  ctx: ProfilesContext,
  input: ProfileDetailsInput,
  forConfirmation: boolean,
): Promise<Result<StoredProfile, ValidationCode | StateCode>> {
  const { deps, store, codes } = ctx;
  const participant = parseParticipantNumber(input.participantNumber);
  if (!participant.ok) return err('invalid_participant_number', 'Participant number is not valid', { field: 'participantNumber', details: { issue: participant.issue, ...participant.details } });
  const description = parseDescription(input.description);
  if (!description.ok) return err('invalid_description', 'Description is not valid', { field: 'description', details: { issue: description.issue, ...description.details } });
  const originator = parseOriginator(input.originator);
  if (!originator.ok) return err('invalid_originator', 'Sender is not valid', { field: 'originator', details: { issue: originator.issue, ...originator.details } });
  const profiles = store.load();
  const existing = input.id ? profiles.find((p) => p.id === input.id) : undefined;
  if (input.id && !existing) return err('profile_not_found', 'No such profile');
  // The renderer has the phone of a saved profile only masked: blank means "keep the one on file".
  const typedPhone = input.adminPhone?.trim() ?? '';
  const keptPhone = existing?.pending?.adminPhone ?? existing?.active?.adminPhone;
  const phone = typedPhone === '' && keptPhone ? parseMobile(keptPhone) : parseMobile(typedPhone);
  if (!phone.ok) return err('invalid_phone', 'Phone number is not a valid mobile number', { field: 'adminPhone', details: { issue: phone.issue } });

  if (profiles.some((p) => p.participantNumber === participant.value && p.id !== existing?.id)) {
    return err('participant_number_taken', 'Another profile already serves this participant number', { field: 'participantNumber' });
  }
  if (existing?.active && existing.participantNumber !== participant.value) {
    return err('participant_number_locked', 'The participant number of a profile that was active cannot change', { field: 'participantNumber' });
  }

  const id = existing?.id ?? ctx.newId();
  const now = deps.clock.now();
  // Any change cancels an outstanding code: a code confirms exactly the settings it was sent for.
  codes.cancel(id);

  let pendingKey: StoredKeyInfo | null = existing?.pending?.key ?? null;
  if (input.apiKey !== undefined) {
    const activeKey = existing?.active?.key ? await deps.vault.get(activeKeyId(id)) : null;
    if (activeKey !== null && activeKey === input.apiKey) {
      // Typing the key in effect again is no key change.
      pendingKey = null;
      await deps.vault.remove(pendingKeyId(id));
    } else {
      const stored = await storeKey(deps.vault, pendingKeyId(id), input.apiKey);
      if (!stored.ok) return stored;
      pendingKey = stored.value;
    }
  }

  const base: StoredProfile = existing ?? {
    id,
    participantNumber: participant.value,
    description: description.value,
    status: 'draft',
    active: null,
    pending: null,
    lastKeyCheck: null,
    createdAt: now,
    updatedAt: now,
  };
  const next: StoredProfile = { ...base, participantNumber: participant.value, description: description.value, updatedAt: now };

  const changesEffect =
    !next.active ||
    next.status !== 'active' ||
    pendingKey !== null ||
    next.active.originator !== originator.value.value ||
    next.active.adminPhone !== phone.value.e164;
  if (changesEffect || forConfirmation) {
    next.pending = { state: 'draft', originator: originator.value.value, adminPhone: phone.value.e164, key: pendingKey, savedAt: now };
    if (!next.active) next.status = 'draft';
  } else {
    // Only the description changed: nothing to confirm, and no stale change to keep.
    next.pending = null;
    await deps.vault.remove(pendingKeyId(id));
  }

  store.save(existing ? profiles.map((p) => (p.id === id ? next : p)) : [...profiles, next]);
  return ok(next);
}
