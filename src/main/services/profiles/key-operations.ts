/** Operations on the key of a saved profile outside the wizard: a live check, and removal. */
import type { GatewayErrorCode } from '@shared/gateway-types';
import type { ProfileView } from '@shared/profile-types';
import { err, ok, type Result } from '@shared/result';
import { gatewayErr } from './gateway-failure';
import type { ProfilesContext } from './profile-context';
import { activeKeyId, pendingKeyId, removeKeys } from './profile-keys';
import { profileView } from './profile-view';

/** Asks MessageBird for the balance with the key in effect (else the pending key) and records the answer. */
export async function checkProfileKey(ctx: ProfilesContext, id: string): Promise<Result<ProfileView, 'profile_not_found' | 'key_required' | GatewayErrorCode>> {
  const { deps, store } = ctx;
  const profile = store.find(id);
  if (!profile) return err('profile_not_found', 'No such profile');
  const apiKey = profile.active?.key ? await deps.vault.get(activeKeyId(id)) : profile.pending?.key ? await deps.vault.get(pendingKeyId(id)) : null;
  if (!apiKey) return err('key_required', 'This profile has no key');
  const balance = await deps.gatewayFor(apiKey).getBalance();
  if (!balance.ok) return gatewayErr(balance.error);
  return ok(profileView(ctx, store.update(id, (p) => ({ ...p, lastKeyCheck: { at: deps.clock.now(), balance: balance.value } }))!));
}

/** Removes both keys from the vault and cancels any code; the profile keeps its other settings. */
export async function removeProfileKey(ctx: ProfilesContext, id: string): Promise<Result<ProfileView, 'profile_not_found'>> {
  const { deps, store, codes } = ctx;
  if (!store.find(id)) return err('profile_not_found', 'No such profile');
  codes.cancel(id);
  await removeKeys(deps.vault, id);
  const next = store.update(id, (p) => ({
    ...p,
    // Without a key an active profile cannot send: it is disabled until a new key is confirmed.
    status: p.status === 'active' ? 'disabled' : p.status,
    active: p.active ? { ...p.active, key: null } : null,
    pending: p.pending ? { ...p.pending, key: null } : null,
    lastKeyCheck: null,
    updatedAt: deps.clock.now(),
  }));
  return ok(profileView(ctx, next!));
}
