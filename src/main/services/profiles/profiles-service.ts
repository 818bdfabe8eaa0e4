/**
 * Provider profiles: one per AFAS participant number, created and changed only through a confirmation
 * code sent to the admin's phone (issue 3; SECURITY.md "The API key", "Confirmation codes").
 *
 * - Keys live only in the vault: `profile:<id>` for the key in effect, `profile:<id>:pending` for the key
 *   a draft or pending change brings. The settings file holds a fingerprint, the kind and the protection.
 * - Editing the sender, key or admin phone of an active profile stores a pending change; the settings in
 *   effect stay until the change is confirmed and activated.
 * - Codes live only in memory (`ConfirmationCodes`): a restart keeps the draft and drops the code, so the
 *   wizard resumes at step 1 and "Next" sends a fresh one.
 * - A MessageBird test key is refused at "Next": it delivers nothing, so the code could never arrive.
 *   The sandbox gateway accepts any key (nothing leaves the machine) and shows the simulated SMS.
 */
import { randomUUID } from 'node:crypto';
import { apiKeyKind } from '../../../shared/api-key';
import type { ProfileDetailsInput } from '../../../shared/contract/profiles';
import type { GatewayErrorCode } from '../../../shared/gateway-types';
import type { ConfirmationSent, KeyInfo, ProfileView } from '../../../shared/profile-types';
import { err, ok, type Result } from '../../../shared/result';
import { parseOriginator } from '../../../shared/rules/originator';
import { parseDescription, parseParticipantNumber } from '../../../shared/rules/participant-number';
import { maskPhone, parseMobile } from '../../../shared/rules/phone';
import type { Clock, GatewayError, GatewayFactory, KeyValueStore, SecretVault } from '../ports';
import { VaultUnavailableError } from '../ports';
import { ConfirmationCodes } from './confirmation-codes';
import type { ConfirmationLog } from './confirmation-log';
import { confirmationMessage, type MessageLanguage } from './confirmation-message';
import { keyFingerprint } from './key-fingerprint';
import { ProfileStore, type StoredKeyInfo, type StoredProfile } from './profile-store';

export interface ProfilesServiceDeps {
  settings: KeyValueStore;
  vault: SecretVault;
  clock: Clock;
  gatewayFor: GatewayFactory;
  confirmationLog: ConfirmationLog;
  /** The admin's language when the renderer does not say; used for the SMS text. */
  defaultLanguage: () => MessageLanguage;
  codes?: ConfirmationCodes;
  newId?: () => string;
  log?: (message: string, error?: unknown) => void;
}

type ValidationCode = 'invalid_participant_number' | 'invalid_description' | 'invalid_originator' | 'invalid_phone';
type StateCode =
  | 'profile_not_found'
  | 'participant_number_taken'
  | 'participant_number_locked'
  | 'key_required'
  | 'vault_unavailable'
  | 'vault_consent_required';
type SendCode =
  | ValidationCode
  | StateCode
  | GatewayErrorCode
  | 'test_key_no_delivery'
  | 'resend_cooldown'
  | 'send_limit_reached'
  | 'nothing_pending';
type VerifyCode = 'profile_not_found' | 'code_wrong' | 'code_expired' | 'code_exhausted' | 'code_not_pending';

export function activeKeyId(profileId: string): string {
  return `profile:${profileId}`;
}
export function pendingKeyId(profileId: string): string {
  return `profile:${profileId}:pending`;
}

/** Rough part count of the confirmation text: it is plain GSM-7 and well under 160 characters. */
function estimateParts(body: string): number {
  return body.length <= 160 ? 1 : Math.ceil(body.length / 153);
}

/** A gateway failure as this service reports it; `field` lets the form focus the key when the key is at fault. */
function gatewayErr(error: GatewayError, field?: string) {
  return err(error.code, error.description, {
    ...(field ? { field } : {}),
    ...(error.providerCode === undefined ? {} : { details: { providerCode: error.providerCode } }),
  });
}

export class ProfilesService {
  private readonly store: ProfileStore;
  readonly codes: ConfirmationCodes;
  private readonly newId: () => string;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly deps: ProfilesServiceDeps) {
    this.log = deps.log ?? ((m, e) => console.error(m, e ?? ''));
    this.store = new ProfileStore(deps.settings, deps.clock, (m) => this.log(m));
    this.codes = deps.codes ?? new ConfirmationCodes({ clock: deps.clock });
    this.newId = deps.newId ?? randomUUID;
  }

  // ---- reading ----------------------------------------------------------------------------------

  list(): ProfileView[] {
    return this.store.load().map((p) => this.view(p));
  }

  get(id: string): ProfileView | undefined {
    const profile = this.store.load().find((p) => p.id === id);
    return profile && this.view(profile);
  }

  /** Kinds of the keys in effect on active profiles: the mode badge says "Test key" when all are test keys. */
  async activeKeyKinds(): Promise<Array<'live' | 'test'>> {
    return this.store
      .load()
      .filter((p) => p.status === 'active' && p.active?.key)
      .map((p) => p.active!.key!.kind);
  }

  /** Active profiles with what sending needs (for test sends); never the key itself. */
  activeProfiles(): Array<{ id: string; participantNumber: string; description: string; originator: string; keyKind: 'live' | 'test' }> {
    return this.store
      .load()
      .filter((p) => p.status === 'active' && p.active?.key)
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
    const profile = this.store.load().find((p) => p.id === id);
    if (!profile || profile.status !== 'active' || !profile.active?.key) return null;
    return this.deps.vault.get(activeKeyId(id));
  }

  // ---- step 1: details --------------------------------------------------------------------------

  /** Saves a draft or pending change; a description-only edit of an active profile applies at once. */
  async saveDraft(input: ProfileDetailsInput): Promise<Result<ProfileView, ValidationCode | StateCode>> {
    const saved = await this.saveDetails(input, false);
    return saved.ok ? ok(this.view(saved.value)) : saved;
  }

  /** Step 1 "Next": save, check the key live, send a fresh code. */
  async startSetup(input: ProfileDetailsInput, language?: MessageLanguage): Promise<Result<ConfirmationSent, SendCode>> {
    const saved = await this.saveDetails(input, true);
    if (!saved.ok) return saved;
    const sent = await this.sendCode(saved.value.id, language);
    // The draft is saved even when sending failed (wrong key, test key …): say which, so the form keeps it.
    if (!sent.ok) return err(sent.error.code, sent.error.message, { ...sent.error, details: { ...sent.error.details, profileId: saved.value.id } });
    return sent;
  }

  /** Sends a new code for the saved draft or pending change (the cooldown applies). */
  async resend(id: string, language?: MessageLanguage): Promise<Result<ConfirmationSent, SendCode>> {
    return this.sendCode(id, language);
  }

  private async saveDetails(input: ProfileDetailsInput, forConfirmation: boolean): Promise<Result<StoredProfile, ValidationCode | StateCode>> {
    const participant = parseParticipantNumber(input.participantNumber);
    if (!participant.ok) return err('invalid_participant_number', 'Participant number is not valid', { field: 'participantNumber', details: { issue: participant.issue, ...participant.details } });
    const description = parseDescription(input.description);
    if (!description.ok) return err('invalid_description', 'Description is not valid', { field: 'description', details: { issue: description.issue, ...description.details } });
    const originator = parseOriginator(input.originator);
    if (!originator.ok) return err('invalid_originator', 'Sender is not valid', { field: 'originator', details: { issue: originator.issue, ...originator.details } });
    const profiles = this.store.load();
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

    const id = existing?.id ?? this.newId();
    const now = this.deps.clock.now();
    // Any change cancels an outstanding code: a code confirms exactly the settings it was sent for.
    this.codes.cancel(id);

    let pendingKey: StoredKeyInfo | null = existing?.pending?.key ?? null;
    if (input.apiKey !== undefined) {
      const activeKey = existing?.active?.key ? await this.deps.vault.get(activeKeyId(id)) : null;
      if (activeKey !== null && activeKey === input.apiKey) {
        pendingKey = null;
        await this.deps.vault.remove(pendingKeyId(id));
      } else {
        const stored = await this.storeKey(pendingKeyId(id), input.apiKey);
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
      // Only the description changed (it is internal): nothing to confirm, and no stale change to keep.
      next.pending = null;
      await this.deps.vault.remove(pendingKeyId(id));
    }

    this.store.save(existing ? profiles.map((p) => (p.id === id ? next : p)) : [...profiles, next]);
    return ok(next);
  }

  private async storeKey(vaultId: string, apiKey: string): Promise<Result<StoredKeyInfo, 'vault_unavailable' | 'vault_consent_required'>> {
    try {
      await this.deps.vault.put(vaultId, apiKey);
    } catch (error) {
      if (error instanceof VaultUnavailableError) {
        return error.reason === 'consent_required'
          ? err('vault_consent_required', 'Key storage on this machine is not encrypted; consent is required in Settings', { field: 'apiKey' })
          : err('vault_unavailable', 'No secret storage is available on this machine', { field: 'apiKey' });
      }
      throw error;
    }
    const { protection } = await this.deps.vault.status();
    return ok({ fingerprint: keyFingerprint(apiKey), kind: apiKeyKind(apiKey), protection });
  }

  // ---- step 2: send the code --------------------------------------------------------------------

  private async sendCode(id: string, language?: MessageLanguage): Promise<Result<ConfirmationSent, SendCode>> {
    const profile = this.store.load().find((p) => p.id === id);
    if (!profile) return err('profile_not_found', 'No such profile');
    const pending = profile.pending;
    if (!pending) return err('nothing_pending', 'There is no draft or change to confirm');

    const apiKey = pending.key ? await this.deps.vault.get(pendingKeyId(id)) : profile.active?.key ? await this.deps.vault.get(activeKeyId(id)) : null;
    if (!apiKey) return err('key_required', 'An API key is needed to send the confirmation code', { field: 'apiKey' });

    const gateway = this.deps.gatewayFor(apiKey);
    const balance = await gateway.getBalance();
    if (!balance.ok) return gatewayErr(balance.error, 'apiKey');
    this.update(id, (p) => ({ ...p, lastKeyCheck: { at: this.deps.clock.now(), balance: balance.value } }));
    if (gateway.mode === 'test' || (gateway.mode !== 'sandbox' && apiKeyKind(apiKey) === 'test')) {
      return err('test_key_no_delivery', 'Test keys deliver nothing: the confirmation code could never arrive. Use a live key, or Sandbox mode to rehearse.', { field: 'apiKey' });
    }
    if (balance.value.payment === 'prepaid' && balance.value.amount <= 0) {
      return err('insufficient_balance', 'The MessageBird balance is too low to send the code', { field: 'apiKey', details: { amount: balance.value.amount, type: balance.value.type } });
    }

    const waitSeconds = (at: number) => Math.max(1, Math.ceil((at - this.deps.clock.now()) / 1000));
    const issued = this.codes.issue(id, pending.adminPhone);
    if (!issued.ok) {
      return issued.reason === 'cooldown'
        ? err('resend_cooldown', 'Wait before sending another code', { details: { retryAt: issued.retryAt, waitSeconds: waitSeconds(issued.retryAt) } })
        : err('send_limit_reached', 'Three codes were sent to this number in the last 10 minutes', { details: { retryAt: issued.retryAt, waitSeconds: waitSeconds(issued.retryAt) } });
    }

    const minutes = Math.round(this.codes.lifetimeMs / 60_000);
    const body = confirmationMessage(language ?? this.deps.defaultLanguage(), profile.participantNumber, issued.code, minutes);
    const logId = this.deps.confirmationLog.appendPending({
      profileId: id,
      participantNumber: profile.participantNumber,
      purpose: 'confirmation',
      recipient: pending.adminPhone,
      originator: pending.originator,
      mode: gateway.mode,
      parts: estimateParts(body),
    });
    const validitySeconds = Math.max(1, Math.floor((issued.expiresAt - this.deps.clock.now()) / 1000));
    const sent = await gateway.sendSms({
      originator: pending.originator,
      recipient: pending.adminPhone,
      body,
      // Ties the SMS to its log row; never the code.
      reference: `confirm-${logId}`,
      validitySeconds,
    });

    let delivery: ConfirmationSent['delivery'];
    if (sent.ok) {
      const item = sent.value.recipients[0];
      this.deps.confirmationLog.markSent(logId, {
        messagebirdId: sent.value.id,
        status: item?.status ?? 'sent',
        statusReason: item?.statusReason ?? null,
        parts: item?.messagePartCount ?? null,
        price: item?.price ?? null,
      });
      delivery = 'sent';
    } else if (sent.error.maybeSent) {
      // A timeout or reset: it may have gone out. The code stays valid; never resent automatically.
      this.deps.confirmationLog.markUnknown(logId, `${sent.error.code}: ${sent.error.description}`);
      delivery = 'unknown';
    } else {
      this.deps.confirmationLog.markFailed(logId, { reason: sent.error.description, errorCode: sent.error.providerCode ?? sent.error.code });
      this.codes.revokeUnsent(id, pending.adminPhone);
      return gatewayErr(sent.error);
    }

    this.update(id, (p) => ({
      ...p,
      status: p.active ? p.status : 'awaiting_confirmation',
      pending: p.pending ? { ...p.pending, state: 'awaiting_confirmation' } : null,
      updatedAt: this.deps.clock.now(),
    }));
    return ok({
      profileId: id,
      sentTo: maskPhone(pending.adminPhone),
      delivery,
      expiresAt: issued.expiresAt,
      resendAvailableAt: issued.resendAvailableAt,
      serverNow: this.deps.clock.now(),
      logId: String(logId),
      ...(gateway.mode === 'sandbox' ? { simulatedSms: { to: maskPhone(pending.adminPhone), body } } : {}),
    });
  }

  // ---- steps 3 and 4 ----------------------------------------------------------------------------

  verify(id: string, code: string): Result<ProfileView, VerifyCode> {
    const profile = this.store.load().find((p) => p.id === id);
    if (!profile) return err('profile_not_found', 'No such profile');
    const outcome = this.codes.verify(id, code);
    switch (outcome.status) {
      case 'ok':
        return ok(this.view(profile));
      case 'wrong':
        return err('code_wrong', 'The code is not correct', { field: 'code', details: { attemptsLeft: outcome.attemptsLeft } });
      case 'expired':
        return err('code_expired', 'The code has expired; request a new one', { field: 'code' });
      case 'exhausted':
        return err('code_exhausted', 'Too many wrong entries; the code is cancelled. Request a new one', { field: 'code' });
      case 'no_pending':
        return err('code_not_pending', 'No code is waiting to be entered; send a new one', { field: 'code' });
    }
  }

  /** Step 4 "Save": the pending settings take effect, after a verified code and the cost acknowledgement. */
  async activate(id: string): Promise<Result<ProfileView, 'profile_not_found' | 'not_verified' | 'nothing_pending' | 'vault_unavailable' | 'vault_consent_required'>> {
    const profile = this.store.load().find((p) => p.id === id);
    if (!profile) return err('profile_not_found', 'No such profile');
    const pending = profile.pending;
    if (!pending) return err('nothing_pending', 'There is nothing to activate');
    if (!this.codes.consumeVerification(id)) return err('not_verified', 'Enter the confirmation code first');

    let key = profile.active?.key ?? null;
    if (pending.key) {
      const newKey = await this.deps.vault.get(pendingKeyId(id));
      if (newKey === null) return err('vault_unavailable', 'The new key could not be read from the vault');
      const stored = await this.storeKey(activeKeyId(id), newKey);
      if (!stored.ok) return stored;
      await this.deps.vault.remove(pendingKeyId(id));
      key = stored.value;
    }
    const now = this.deps.clock.now();
    const next = this.update(id, (p) => ({
      ...p,
      status: 'active',
      active: { originator: pending.originator, adminPhone: pending.adminPhone, key, activatedAt: now },
      pending: null,
      updatedAt: now,
    }));
    return ok(this.view(next!));
  }

  // ---- around the flow --------------------------------------------------------------------------

  async discardChange(id: string): Promise<Result<ProfileView, 'profile_not_found' | 'nothing_pending'>> {
    const profile = this.store.load().find((p) => p.id === id);
    if (!profile) return err('profile_not_found', 'No such profile');
    if (!profile.pending || !profile.active) return err('nothing_pending', 'There is no change to discard (delete a draft instead)');
    this.codes.cancel(id);
    await this.deps.vault.remove(pendingKeyId(id));
    return ok(this.view(this.update(id, (p) => ({ ...p, pending: null, updatedAt: this.deps.clock.now() }))!));
  }

  async checkKey(id: string): Promise<Result<ProfileView, 'profile_not_found' | 'key_required' | GatewayErrorCode>> {
    const profile = this.store.load().find((p) => p.id === id);
    if (!profile) return err('profile_not_found', 'No such profile');
    const apiKey = profile.active?.key ? await this.deps.vault.get(activeKeyId(id)) : profile.pending?.key ? await this.deps.vault.get(pendingKeyId(id)) : null;
    if (!apiKey) return err('key_required', 'This profile has no key');
    const balance = await this.deps.gatewayFor(apiKey).getBalance();
    if (!balance.ok) return gatewayErr(balance.error);
    return ok(this.view(this.update(id, (p) => ({ ...p, lastKeyCheck: { at: this.deps.clock.now(), balance: balance.value } }))!));
  }

  async removeKey(id: string): Promise<Result<ProfileView, 'profile_not_found'>> {
    const profile = this.store.load().find((p) => p.id === id);
    if (!profile) return err('profile_not_found', 'No such profile');
    this.codes.cancel(id);
    await this.deps.vault.remove(activeKeyId(id));
    await this.deps.vault.remove(pendingKeyId(id));
    const next = this.update(id, (p) => ({
      ...p,
      // Without a key an active profile cannot send: it is disabled until a new key is confirmed.
      status: p.status === 'active' ? 'disabled' : p.status,
      active: p.active ? { ...p.active, key: null } : null,
      pending: p.pending ? { ...p.pending, key: null } : null,
      lastKeyCheck: null,
      updatedAt: this.deps.clock.now(),
    }));
    return ok(this.view(next!));
  }

  disable(id: string): Result<ProfileView, 'profile_not_found'> {
    const profile = this.store.load().find((p) => p.id === id);
    if (!profile) return err('profile_not_found', 'No such profile');
    const next = this.update(id, (p) => ({ ...p, status: p.active ? 'disabled' : p.status, updatedAt: this.deps.clock.now() }));
    return ok(this.view(next!));
  }

  async delete(id: string): Promise<Result<{ deleted: true }, 'profile_not_found'>> {
    const profiles = this.store.load();
    if (!profiles.some((p) => p.id === id)) return err('profile_not_found', 'No such profile');
    this.codes.cancel(id);
    await this.deps.vault.remove(activeKeyId(id));
    await this.deps.vault.remove(pendingKeyId(id));
    this.store.save(profiles.filter((p) => p.id !== id));
    return ok({ deleted: true });
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private update(id: string, change: (p: StoredProfile) => StoredProfile): StoredProfile | undefined {
    let updated: StoredProfile | undefined;
    const profiles = this.store.load().map((p) => {
      if (p.id !== id) return p;
      updated = change(p);
      return updated;
    });
    this.store.save(profiles);
    return updated;
  }

  private view(p: StoredProfile): ProfileView {
    const keyInfo = (key: StoredKeyInfo | null): KeyInfo =>
      key ? { hasApiKey: true, fingerprint: key.fingerprint, kind: key.kind, protection: key.protection } : { hasApiKey: false, fingerprint: null, kind: null, protection: null };
    const live = this.codes.hasLiveCode(p.id);
    return {
      id: p.id,
      participantNumber: p.participantNumber,
      description: p.description,
      status: p.status,
      active: p.active
        ? { originator: p.active.originator, adminPhoneMasked: maskPhone(p.active.adminPhone), key: keyInfo(p.active.key), activatedAt: p.active.activatedAt }
        : null,
      pending: p.pending
        ? {
            state: this.codes.isVerified(p.id) ? 'verified' : p.pending.state,
            originator: p.pending.originator,
            adminPhone: p.pending.adminPhone,
            adminPhoneMasked: maskPhone(p.pending.adminPhone),
            key: keyInfo(p.pending.key ?? p.active?.key ?? null),
            keyChanged: p.pending.key !== null,
            codeActive: live,
            codeExpiresAt: live ? (this.codes.expiresAt(p.id) ?? null) : null,
            resendAvailableAt: this.codes.nextSendAt(p.id, p.pending.adminPhone).at,
            serverNow: this.deps.clock.now(),
            savedAt: p.pending.savedAt,
          }
        : null,
      lastKeyCheck: p.lastKeyCheck,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}
