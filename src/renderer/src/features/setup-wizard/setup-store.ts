import { create } from 'zustand';
import type { KeyCheck } from '@shared/contract';
import type { ConfirmationSent, ProfileView } from '@shared/profile-types';
import type { AppError } from '@shared/result';
import { api, toAppError, unwrap } from '../../api';
import { useAppStore } from '../../app/app-store';
import { EMPTY_FORM, type DetailsForm } from './details-form';

/**
 * `intro` is an introduction, not a numbered step. Sending the code is what "Next" on the details step
 * does (that button shows the sending state), so it is not a screen of its own. Step 4, the AFAS portal
 * steps, is no wizard state: after Save the wizard closes and the checklist opens as step 4 (`portalAsStep`).
 */
export type WizardStep = 'intro' | 'details' | 'code' | 'acknowledge';

/** Which request is in flight, so only the pressed button spins. */
export type WizardAction = 'send' | 'resend' | 'verify' | 'activate';

/** Codes after which the code on the phone cannot be used any more: the admin needs a new one. */
export const DEAD_CODE_ERRORS: ReadonlySet<string> = new Set(['code_expired', 'code_exhausted', 'code_not_pending']);

export type ListNotice =
  | { kind: 'activated'; participantNumber: string }
  | { kind: 'deleted' | 'keyRemoved' | 'disabled' | 'discarded' }
  | { kind: 'keyChecked'; balance: KeyCheck['balance'] };

export interface KeyCheckState {
  status: 'idle' | 'checking' | 'done' | 'error';
  /** The key the result is for; a changed key makes it stale. */
  forKey?: string;
  result?: KeyCheck;
  error?: AppError;
}

export interface WizardState {
  step: WizardStep;
  /** Set once the draft exists in main. */
  profileId?: string;
  /** The saved profile being edited or resumed (undefined for a new one). */
  existing?: ProfileView;
  form: DetailsForm;
  /** Field to focus first when the details step opens (e.g. `apiKey` for "Replace key"). */
  focusField?: keyof DetailsForm;
  /**
   * The last code sent: `sentToFull` is the admin's own number in full (they typed it and may need to
   * spot a typo); `resent` is true when it replaced an earlier code, which then no longer works.
   */
  sent?: ConfirmationSent & { receivedAt: number; sentToFull?: string; resent: boolean };
  /** Local time at which a resend is allowed (from main's answer, corrected for clock differences). */
  resendAtLocal?: number;
  error?: AppError;
  busy: boolean;
  busyAction?: WizardAction;
  keyCheck: KeyCheckState;
}

interface SetupState {
  profiles: ProfileView[];
  listStatus: 'idle' | 'loading' | 'ready' | 'error';
  listError?: AppError;
  notice?: ListNotice;
  /** The profile action in flight, by profile id, so its button shows busy. */
  actionBusy?: string;
  wizard?: WizardState;
  /** The profile whose AFAS portal steps are shown (after Save, or chosen from the list). */
  portalFor?: string;
  /** True when the portal steps opened right after Save: they are then step 4 of the wizard and say so. */
  portalAsStep?: boolean;
  /** The last failure of marking the portal handoff, by profile. */
  portalError?: { id: string; error: AppError };

  load: () => Promise<void>;
  openNew: () => void;
  openExisting: (profile: ProfileView, focusField?: keyof DetailsForm) => void;
  close: () => void;
  goTo: (step: WizardStep) => void;
  setForm: (patch: Partial<DetailsForm>) => void;
  clearError: () => void;
  checkKey: (apiKey: string) => Promise<void>;
  next: (language: 'nl' | 'en') => Promise<void>;
  resend: (language: 'nl' | 'en') => Promise<void>;
  verify: (code: string) => Promise<boolean>;
  activate: () => Promise<void>;
  profileAction: (id: string, action: 'removeKey' | 'disable' | 'delete' | 'discardChange' | 'checkKey') => Promise<boolean>;
  showPortal: (id: string | undefined) => void;
  markPortalSaved: (id: string, note?: string) => Promise<void>;
  clearPortalSaved: (id: string) => Promise<void>;
}

function newWizard(step: WizardStep, form: DetailsForm = EMPTY_FORM, existing?: ProfileView): WizardState {
  return { step, form, busy: false, keyCheck: { status: 'idle' }, ...(existing && { existing, profileId: existing.id }) };
}

/** The form for an existing profile: what is pending, else what is in effect; never the key. */
function formFor(profile: ProfileView): DetailsForm {
  return {
    participantNumber: profile.participantNumber,
    description: profile.description,
    originator: profile.pending?.originator ?? profile.active?.originator ?? '',
    apiKey: '',
    // A draft's phone is the admin's own typing, so it is shown; an active profile's phone stays masked.
    adminPhone: profile.pending?.adminPhone ?? '',
  };
}

/**
 * The admin's own number in full, international form, for the wizard only (lists and logs mask it).
 * The phone rules (large metadata) load with the details step, not with the first screen: by the time a
 * code is sent they are here already, so the import costs nothing then.
 */
async function fullPhone(wizard: WizardState): Promise<string | undefined> {
  const typed = wizard.form.adminPhone.trim() || wizard.existing?.pending?.adminPhone || '';
  if (!typed) return undefined;
  const rules = await import('@shared/rules/phone').catch(() => undefined);
  if (!rules) return typed;
  const parsed = rules.parseMobile(typed);
  return parsed.ok ? parsed.value.international : typed;
}

function resendAtLocal(serverTarget: number | null | undefined, serverNow: number): number | undefined {
  return serverTarget == null ? undefined : Date.now() + Math.max(0, serverTarget - serverNow);
}

export const useSetupStore = create<SetupState>()((set, get) => {
  const patchWizard = (patch: Partial<WizardState>) => {
    const wizard = get().wizard;
    if (wizard) set({ wizard: { ...wizard, ...patch } });
  };

  const replaceProfile = (profile: ProfileView) =>
    set({ profiles: get().profiles.some((p) => p.id === profile.id) ? get().profiles.map((p) => (p.id === profile.id ? profile : p)) : [...get().profiles, profile] });

  return {
    profiles: [],
    listStatus: 'idle',

    load: async () => {
      set({ listStatus: 'loading', listError: undefined });
      const result = await api.listProfiles();
      if (result.ok) set({ listStatus: 'ready', profiles: result.value });
      else set({ listStatus: 'error', listError: result.error });
    },

    openNew: () => {
      const introSeen = useAppStore.getState().preferences?.introSeen ?? false;
      set({ notice: undefined, portalFor: undefined, wizard: newWizard(introSeen ? 'details' : 'intro') });
    },

    openExisting: (profile, focusField) => {
      set({ notice: undefined, portalFor: undefined, wizard: { ...newWizard('details', formFor(profile), profile), ...(focusField && { focusField }) } });
    },

    close: () => {
      set({ wizard: undefined });
      void get().load();
    },

    goTo: (step) => {
      if (step !== 'intro' && get().wizard?.step === 'intro') void useAppStore.getState().updatePreferences({ introSeen: true });
      patchWizard({ step, error: undefined });
    },

    setForm: (patch) => {
      const wizard = get().wizard;
      if (wizard) set({ wizard: { ...wizard, form: { ...wizard.form, ...patch } } });
    },

    clearError: () => patchWizard({ error: undefined }),

    checkKey: async (apiKey) => {
      patchWizard({ keyCheck: { status: 'checking', forKey: apiKey } });
      const result = await api.checkApiKey({ apiKey });
      // A newer key was typed meanwhile: this answer is stale.
      if (get().wizard?.keyCheck.forKey !== apiKey) return;
      patchWizard({ keyCheck: result.ok ? { status: 'done', forKey: apiKey, result: result.value } : { status: 'error', forKey: apiKey, error: result.error } });
    },

    next: async (language) => {
      const wizard = get().wizard;
      if (!wizard || wizard.busy) return;
      const { form } = wizard;
      // One clear sending state: the old code and its delivery notices go, only "Next" spins.
      patchWizard({ busy: true, busyAction: 'send', error: undefined, sent: undefined });
      const sentToFull = fullPhone(wizard);
      const result = await api.startProfileSetup({
        ...(wizard.profileId && { id: wizard.profileId }),
        participantNumber: form.participantNumber,
        description: form.description,
        originator: form.originator,
        ...(form.adminPhone.trim() !== '' && { adminPhone: form.adminPhone }),
        ...(form.apiKey.trim() !== '' && { apiKey: form.apiKey.trim() }),
        language,
      });
      if (result.ok) {
        patchWizard({
          step: 'code',
          busy: false,
          busyAction: undefined,
          profileId: result.value.profileId,
          sent: { ...result.value, receivedAt: Date.now(), sentToFull: await sentToFull, resent: false },
          resendAtLocal: resendAtLocal(result.value.resendAvailableAt, result.value.serverNow),
        });
      } else {
        // The draft may exist now even though sending failed (wrong key, test key …): keep its id.
        const savedId = result.error.details?.profileId;
        const list = typeof savedId === 'string' ? await api.listProfiles() : undefined;
        const saved = list?.ok ? list.value.find((p) => p.id === savedId) : undefined;
        if (list?.ok) set({ profiles: list.value });
        const wait = result.error.details?.waitSeconds;
        patchWizard({
          step: 'details',
          busy: false,
          busyAction: undefined,
          error: result.error,
          ...(saved && { profileId: saved.id, existing: saved }),
          ...(typeof wait === 'number' && { resendAtLocal: Date.now() + wait * 1000 }),
        });
      }
    },

    resend: async (language) => {
      const wizard = get().wizard;
      if (!wizard?.profileId || wizard.busy) return;
      patchWizard({ busy: true, busyAction: 'resend', error: undefined });
      const sentToFull = fullPhone(wizard);
      const result = await api.resendProfileCode({ id: wizard.profileId, language });
      if (result.ok) {
        patchWizard({
          busy: false,
          busyAction: undefined,
          sent: { ...result.value, receivedAt: Date.now(), sentToFull: await sentToFull, resent: true },
          resendAtLocal: resendAtLocal(result.value.resendAvailableAt, result.value.serverNow),
        });
      } else {
        const wait = result.error.details?.waitSeconds;
        patchWizard({ busy: false, busyAction: undefined, error: result.error, ...(typeof wait === 'number' && { resendAtLocal: Date.now() + wait * 1000 }) });
      }
    },

    verify: async (code) => {
      const wizard = get().wizard;
      if (!wizard?.profileId || wizard.busy) return false;
      patchWizard({ busy: true, busyAction: 'verify', error: undefined });
      const result = await api.verifyProfileCode({ id: wizard.profileId, code });
      if (result.ok) {
        replaceProfile(result.value);
        patchWizard({ busy: false, busyAction: undefined, step: 'acknowledge', existing: result.value });
        return true;
      }
      // A used-up or expired code may end the wait for a new one (main caps the wait at the code's life):
      // ask main when a new code is allowed now, so the button is enabled when it may be pressed.
      let resendAt: number | undefined;
      if (DEAD_CODE_ERRORS.has(result.error.code)) {
        const list = await api.listProfiles();
        const pending = list.ok ? list.value.find((p) => p.id === wizard.profileId)?.pending : undefined;
        if (pending) resendAt = resendAtLocal(pending.resendAvailableAt, pending.serverNow) ?? Date.now();
      }
      patchWizard({ busy: false, busyAction: undefined, error: result.error, ...(resendAt !== undefined && { resendAtLocal: resendAt }) });
      return false;
    },

    activate: async () => {
      const wizard = get().wizard;
      if (!wizard?.profileId || wizard.busy) return;
      patchWizard({ busy: true, busyAction: 'activate', error: undefined });
      try {
        const profile = unwrap(await api.activateProfile({ id: wizard.profileId, acknowledgeCosts: true }));
        replaceProfile(profile);
        // Saved here is not yet in AFAS: the portal steps follow at once.
        set({ wizard: undefined, notice: { kind: 'activated', participantNumber: profile.participantNumber }, portalFor: profile.id, portalAsStep: true, portalError: undefined });
        // The mode badge depends on the kinds of keys in effect.
        void useAppStore.getState().refreshInfo();
      } catch (caught) {
        patchWizard({ busy: false, busyAction: undefined, error: toAppError(caught) });
      }
    },

    showPortal: (id) => set({ portalFor: id, portalAsStep: false, portalError: undefined }),

    markPortalSaved: async (id, note) => {
      set({ actionBusy: id, portalError: undefined });
      const result = await api.markPortalSaved({ profileId: id, ...(note && { note }) });
      if (result.ok) replaceProfile(result.value);
      else set({ portalError: { id, error: result.error } });
      set({ actionBusy: undefined });
    },

    clearPortalSaved: async (id) => {
      set({ actionBusy: id, portalError: undefined });
      const result = await api.clearPortalSaved({ profileId: id });
      if (result.ok) replaceProfile(result.value);
      else set({ portalError: { id, error: result.error } });
      set({ actionBusy: undefined });
    },

    profileAction: async (id, action) => {
      set({ actionBusy: id, listError: undefined, notice: undefined });
      try {
        switch (action) {
          case 'delete':
            unwrap(await api.deleteProfile({ id, confirm: true }));
            set({ profiles: get().profiles.filter((p) => p.id !== id), notice: { kind: 'deleted' } });
            break;
          case 'removeKey':
            replaceProfile(unwrap(await api.removeProfileKey({ id, confirm: true })));
            set({ notice: { kind: 'keyRemoved' } });
            break;
          case 'disable':
            replaceProfile(unwrap(await api.disableProfile({ id, confirm: true })));
            set({ notice: { kind: 'disabled' } });
            break;
          case 'discardChange':
            replaceProfile(unwrap(await api.discardProfileChange({ id })));
            set({ notice: { kind: 'discarded' } });
            break;
          case 'checkKey': {
            const profile = unwrap(await api.checkProfileKey({ id }));
            replaceProfile(profile);
            if (profile.lastKeyCheck) set({ notice: { kind: 'keyChecked', balance: profile.lastKeyCheck.balance } });
            break;
          }
        }
        void useAppStore.getState().refreshInfo();
        return true;
      } catch (caught) {
        set({ listError: toAppError(caught) });
        return false;
      } finally {
        set({ actionBusy: undefined });
      }
    },
  };
});
