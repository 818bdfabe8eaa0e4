/**
 * Wizard steps 3 and 4, and the way out: the code is checked, then "Save" makes the pending settings
 * the ones in effect; or the pending change of an active profile is discarded.
 */
import type { ProfileView } from '@shared/profile-types';
import { err, ok, type Result } from '@shared/result';
import type { ProfilesContext } from './profile-context';
import { activeKeyId, pendingKeyId, storeKey, type VaultErrorCode } from './profile-keys';
import { profileView } from './profile-view';

export type VerifyCode = 'profile_not_found' | 'code_wrong' | 'code_expired' | 'code_exhausted' | 'code_not_pending' | 'setup_locked';

/** Step 3: checks the typed code; a match marks the pending settings verified (in memory, briefly). */
export function verifyCode(ctx: ProfilesContext, id: string, code: string): Result<ProfileView, VerifyCode> {
  const profile = ctx.store.find(id);
  if (!profile) return err('profile_not_found', 'No such profile');
  const outcome = ctx.codes.verify(id, code);
  switch (outcome.status) {
    case 'ok':
      return ok(profileView(ctx, profile));
    case 'wrong':
      return err('code_wrong', 'The code is not correct', { field: 'code', details: { attemptsLeft: outcome.attemptsLeft } });
    case 'expired':
      return err('code_expired', 'The code has expired; request a new one', { field: 'code' });
    case 'exhausted':
      return err('code_exhausted', 'Too many wrong entries; the code is cancelled. Request a new one', { field: 'code' });
    case 'no_pending':
      return err('code_not_pending', 'No code is waiting to be entered; send a new one', { field: 'code' });
    case 'locked':
      return err('setup_locked', `Too many wrong codes for this setup; it is locked until ${new Date(outcome.until).toISOString()}`, {
        field: 'code',
        details: { lockedUntil: outcome.until },
      });
  }
}

/** Step 4 "Save": the pending settings take effect, after a verified code and the cost acknowledgement. */
export async function activatePending(
  ctx: ProfilesContext,
  id: string,
): Promise<Result<ProfileView, 'profile_not_found' | 'not_verified' | 'nothing_pending' | VaultErrorCode>> {
  const { deps, store, codes } = ctx;
  const profile = store.find(id);
  if (!profile) return err('profile_not_found', 'No such profile');
  const pending = profile.pending;
  if (!pending) return err('nothing_pending', 'There is nothing to activate');
  // The mode the verified code was sent in: a Sandbox code never makes settings live for MessageBird.
  const confirmedMode = codes.verifiedMode(id) ?? 'sandbox';
  if (!codes.consumeVerification(id)) return err('not_verified', 'Enter the confirmation code first');

  let key = profile.active?.key ?? null;
  if (pending.key) {
    const newKey = await deps.vault.get(pendingKeyId(id));
    if (newKey === null) return err('vault_unavailable', 'The new key could not be read from the vault');
    const stored = await storeKey(deps.vault, activeKeyId(id), newKey);
    if (!stored.ok) return stored;
    await deps.vault.remove(pendingKeyId(id));
    key = stored.value;
  }
  const now = deps.clock.now();
  const next = store.update(id, (p) => ({
    ...p,
    status: 'active',
    active: { originator: pending.originator, adminPhone: pending.adminPhone, key, activatedAt: now, confirmedMode },
    pending: null,
    updatedAt: now,
  }));
  return ok(profileView(ctx, next!));
}

/** Drops the pending change of an active profile; the settings in effect stay as they are. */
export async function discardPendingChange(ctx: ProfilesContext, id: string): Promise<Result<ProfileView, 'profile_not_found' | 'nothing_pending'>> {
  const { deps, store, codes } = ctx;
  const profile = store.find(id);
  if (!profile) return err('profile_not_found', 'No such profile');
  if (!profile.pending || !profile.active) return err('nothing_pending', 'There is no change to discard (delete a draft instead)');
  codes.cancel(id);
  await deps.vault.remove(pendingKeyId(id));
  return ok(profileView(ctx, store.update(id, (p) => ({ ...p, pending: null, updatedAt: deps.clock.now() }))!));
}
