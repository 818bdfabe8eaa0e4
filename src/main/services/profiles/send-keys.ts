/**
 * Which of a profile's keys reads a sent message back (the delivery poller asks): the key its send used.
 * A test send used the key in effect. A confirmation SMS used the key the change brings (else the key in
 * effect, see confirmation-send.ts); activation moves that key to the active slot, so a confirmation is
 * read with the pending key while the change is pending and with the active key once it took effect.
 * A deleted profile or draft, or a removed key, leaves nothing to read with: the row then stops with a note.
 */
import type { SendPurpose } from '@shared/send-log-types';
import type { ProfilesContext } from './profile-context';
import { activeKeyId, pendingKeyId } from './profile-keys';

/** The key to read a sent message with, or why it is gone. Never crosses IPC. */
export type SendKey = { apiKey: string } | { gone: 'profile_deleted' | 'key_unavailable' };

/** The key a message of profile `id` sent for `purpose` is read back with. */
export async function keyForSend(ctx: ProfilesContext, id: string, purpose: SendPurpose): Promise<SendKey> {
  const profile = ctx.store.find(id);
  if (!profile) return { gone: 'profile_deleted' };
  let vaultId: string | null;
  if (purpose === 'confirmation') {
    vaultId = profile.pending?.key ? pendingKeyId(id) : profile.active?.key ? activeKeyId(id) : null;
  } else {
    // Test sends are followed only while the profile is in effect, as they are sent.
    vaultId = profile.status === 'active' && profile.active?.key ? activeKeyId(id) : null;
  }
  const apiKey = vaultId ? await ctx.deps.vault.get(vaultId) : null;
  return apiKey ? { apiKey } : { gone: 'key_unavailable' };
}
