/**
 * Provider profiles: one per AFAS participant number, created and changed only through a confirmation
 * code sent to the admin's phone (docs/SECURITY.md "The API key", "Confirmation codes").
 *
 * - Keys live only in the vault (profile-keys.ts); the settings file holds a fingerprint, the kind and
 *   the protection.
 * - Editing the sender, key or admin phone of an active profile stores a pending change
 *   (profile-details.ts); the settings in effect stay until the change is confirmed and activated
 *   (confirmation-send.ts, pending-change.ts).
 * - Codes live only in memory (`ConfirmationCodes`): a restart keeps the draft and drops the code, so the
 *   wizard resumes at step 1 and "Next" sends a fresh one.
 *
 * This class is the surface the IPC handlers and the test-send feature use; each step is its own module.
 */
import { randomUUID } from 'node:crypto';
import type { StartupWarning } from '@shared/contract/platform';
import type { ProfileDetailsInput } from '@shared/contract/profiles';
import type { GatewayErrorCode } from '@shared/gateway-types';
import type { ConfirmationDeliveryView, ConfirmationSent, ProfileView } from '@shared/profile-types';
import type { SendPurpose } from '@shared/send-log-types';
import { err, ok, type Result } from '@shared/result';
import { parseMobile } from '@shared/rules/phone';
import { ConfirmationCodes } from './confirmation-codes';
import type { MessageLanguage } from './confirmation-message';
import { sendConfirmationCode, sendRefusal, type SendCode } from './confirmation-send';
import { checkProfileKey, removeProfileKey } from './key-operations';
import { activatePending, discardPendingChange, verifyCode, type VerifyCode } from './pending-change';
import type { ProfilesContext, ProfilesServiceDeps } from './profile-context';
import { saveDetails, type StateCode, type ValidationCode } from './profile-details';
import { activeKeyId, removeKeys, type VaultErrorCode } from './profile-keys';
import { PROFILES_SET_ASIDE_KEY, ProfileStore, type StoredProfile } from './profile-store';
import { needsLiveConfirmation, profileView } from './profile-view';
import { keyForSend, type SendKey } from './send-keys';

export type { ConfirmationDelivery, ProfilesServiceDeps } from './profile-context';
export type { SendKey } from './send-keys';
export { activeKeyId, pendingKeyId } from './profile-keys';

/** A profile that can send now: active, with a key in effect, and not a Sandbox confirmation in MessageBird mode. */
function isInEffect(ctx: ProfilesContext, p: StoredProfile): boolean {
  return p.status === 'active' && Boolean(p.active?.key) && !needsLiveConfirmation(ctx.deps, p);
}

export class ProfilesService {
  private readonly ctx: ProfilesContext;

  constructor(deps: ProfilesServiceDeps) {
    const log = deps.log ?? ((m, e) => console.error(m, e ?? ''));
    this.ctx = {
      deps,
      store: new ProfileStore(deps.settings, deps.clock, (m) => log(m)),
      // The throttles (never the codes) are kept in the settings file across restarts.
      codes: deps.codes ?? new ConfirmationCodes({ clock: deps.clock, store: deps.settings, log: (m) => log(m) }),
      newId: deps.newId ?? randomUUID,
    };
  }

  // ---- reading ----------------------------------------------------------------------------------

  /** Checks the stored profiles one by one at start; each one set aside becomes a warning naming its participant number. */
  checkStoredProfiles(): StartupWarning[] {
    this.ctx.store.load();
    return this.ctx.store.setAside().map((p) => ({ code: 'profile_invalid', movedTo: PROFILES_SET_ASIDE_KEY, participantNumber: p.participantNumber }));
  }

  list(): ProfileView[] {
    return this.ctx.store.load().map((p) => profileView(this.ctx, p));
  }

  get(id: string): ProfileView | undefined {
    const profile = this.ctx.store.find(id);
    return profile && profileView(this.ctx, profile);
  }

  /** Kinds of the keys in effect on active profiles: the mode badge says "Test key" when all are test keys. */
  async activeKeyKinds(): Promise<Array<'live' | 'test'>> {
    return this.activeProfiles().map((p) => p.keyKind);
  }

  /** Active profiles with what sending needs (for test sends); never the key itself. */
  activeProfiles(): Array<{ id: string; participantNumber: string; description: string; originator: string; keyKind: 'live' | 'test' }> {
    return this.ctx.store
      .load()
      .filter((p) => isInEffect(this.ctx, p))
      .map((p) => ({
        id: p.id,
        participantNumber: p.participantNumber,
        description: p.description,
        originator: p.active!.originator,
        keyKind: p.active!.key!.kind,
      }));
  }

  /** The key in effect of an active profile, for main-side senders only; never crosses IPC. */
  async activeKey(id: string): Promise<string | null> {
    const profile = this.ctx.store.find(id);
    if (!profile || !isInEffect(this.ctx, profile)) return null;
    return this.ctx.deps.vault.get(activeKeyId(id));
  }

  /**
   * The key a sent message of this profile is read back with by the delivery poller (the key its send
   * used: the pending key for a confirmation while its change is pending), or why it is gone.
   */
  async keyForSend(id: string, purpose: SendPurpose): Promise<SendKey> {
    return keyForSend(this.ctx, id, purpose);
  }

  // ---- the wizard -------------------------------------------------------------------------------

  /** Saves a draft or pending change; a description-only edit of an active profile applies at once. */
  async saveDraft(input: ProfileDetailsInput): Promise<Result<ProfileView, ValidationCode | StateCode>> {
    const saved = await saveDetails(this.ctx, input, false);
    return saved.ok ? ok(profileView(this.ctx, saved.value)) : saved;
  }

  /** An active profile whose settings were confirmed in Sandbox while the app is in MessageBird mode. */
  needsLiveConfirmation(id: string): boolean {
    const profile = this.ctx.store.find(id);
    return profile !== undefined && profile.status === 'active' && needsLiveConfirmation(this.ctx.deps, profile);
  }

  /** Step 1 "Next": save, check the key live, send a fresh code. */
  async startSetup(input: ProfileDetailsInput, language?: MessageLanguage): Promise<Result<ConfirmationSent, SendCode>> {
    // A refused "Next" changes nothing: the throttles and cost guards are checked before the details
    // are saved, because saving cancels the code already out (and a cooldown would then leave none).
    const existing = input.id ? this.ctx.store.find(input.id) : undefined;
    const typed = input.adminPhone?.trim() ?? '';
    const parsedPhone = typed === '' ? undefined : parseMobile(typed);
    const phone = parsedPhone ? (parsedPhone.ok ? parsedPhone.value.e164 : undefined) : (existing?.pending?.adminPhone ?? existing?.active?.adminPhone);
    const refused = phone === undefined ? null : sendRefusal(this.ctx, existing?.id, phone);
    if (refused) {
      return existing ? err(refused.error.code, refused.error.message, { ...refused.error, details: { ...refused.error.details, profileId: existing.id } }) : refused;
    }
    const saved = await saveDetails(this.ctx, input, true);
    if (!saved.ok) return saved;
    const sent = await sendConfirmationCode(this.ctx, saved.value.id, language);
    // The draft is saved even when sending failed (wrong key, test key …): say which, so the form keeps it.
    if (!sent.ok) return err(sent.error.code, sent.error.message, { ...sent.error, details: { ...sent.error.details, profileId: saved.value.id } });
    return sent;
  }

  /** Sends a new code for the saved draft or pending change (the cooldown applies). */
  async resend(id: string, language?: MessageLanguage): Promise<Result<ConfirmationSent, SendCode>> {
    return sendConfirmationCode(this.ctx, id, language);
  }

  /** Where a confirmation SMS of this profile stands in the send log (the poller updates the row). */
  confirmationDelivery(id: string, logId: number): Result<ConfirmationDeliveryView, 'log_row_not_found'> {
    const row = this.ctx.deps.confirmationLog.get(logId);
    if (!row || row.purpose !== 'confirmation' || row.profileId !== id) return err('log_row_not_found', 'No confirmation SMS with this id');
    return ok({ status: row.status, ...(row.statusReason ? { statusReason: row.statusReason } : {}) });
  }

  verify(id: string, code: string): Result<ProfileView, VerifyCode> {
    return verifyCode(this.ctx, id, code);
  }

  /** Step 4 "Save": the pending settings take effect, after a verified code and the cost acknowledgement. */
  async activate(id: string): Promise<Result<ProfileView, 'profile_not_found' | 'not_verified' | 'nothing_pending' | VaultErrorCode>> {
    return activatePending(this.ctx, id);
  }

  // ---- around the flow --------------------------------------------------------------------------

  async discardChange(id: string): Promise<Result<ProfileView, 'profile_not_found' | 'nothing_pending'>> {
    return discardPendingChange(this.ctx, id);
  }

  async checkKey(id: string): Promise<Result<ProfileView, 'profile_not_found' | 'key_required' | GatewayErrorCode>> {
    return checkProfileKey(this.ctx, id);
  }

  async removeKey(id: string): Promise<Result<ProfileView, 'profile_not_found'>> {
    return removeProfileKey(this.ctx, id);
  }

  disable(id: string): Result<ProfileView, 'profile_not_found'> {
    const { store, deps } = this.ctx;
    if (!store.find(id)) return err('profile_not_found', 'No such profile');
    const next = store.update(id, (p) => ({ ...p, status: p.active ? 'disabled' : p.status, updatedAt: deps.clock.now() }));
    return ok(profileView(this.ctx, next!));
  }

  async delete(id: string): Promise<Result<{ deleted: true }, 'profile_not_found'>> {
    const { store, deps, codes } = this.ctx;
    const profiles = store.load();
    if (!profiles.some((p) => p.id === id)) return err('profile_not_found', 'No such profile');
    codes.cancel(id);
    await removeKeys(deps.vault, id);
    store.save(profiles.filter((p) => p.id !== id));
    return ok({ deleted: true });
  }
}
