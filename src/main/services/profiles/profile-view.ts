/**
 * What the renderer sees of a stored profile: phones masked, keys as fingerprint and kind, and the code
 * state (live, verified, resend time) joined in from memory.
 */
import type { KeyInfo, ProfileView } from '@shared/profile-types';
import { maskPhone } from '@shared/rules/phone';
import { portalHandoff } from '../review/portal-handoff';
import type { ProfilesContext } from './profile-context';
import type { StoredKeyInfo, StoredProfile } from './profile-store';

function keyInfo(key: StoredKeyInfo | null): KeyInfo {
  return key
    ? { hasApiKey: true, fingerprint: key.fingerprint, kind: key.kind, protection: key.protection }
    : { hasApiKey: false, fingerprint: null, kind: null, protection: null };
}

/**
 * Settings in effect that were confirmed in Sandbox while the app now talks to MessageBird: a Sandbox
 * code comes back to the screen and proves nothing about the phone or the key, so such a profile sends
 * nothing until a code sent by MessageBird confirms it (docs/SECURITY.md "Confirmation codes").
 */
export function needsLiveConfirmation(deps: ProfilesContext['deps'], p: StoredProfile): boolean {
  return p.active !== null && p.active.confirmedMode === 'sandbox' && (deps.gatewayMode?.() ?? 'messagebird') === 'messagebird';
}

export function profileView({ codes, deps }: ProfilesContext, p: StoredProfile): ProfileView {
  const live = codes.hasLiveCode(p.id);
  return {
    id: p.id,
    participantNumber: p.participantNumber,
    description: p.description,
    status: p.status,
    active: p.active
      ? {
          originator: p.active.originator,
          adminPhoneMasked: maskPhone(p.active.adminPhone),
          key: keyInfo(p.active.key),
          activatedAt: p.active.activatedAt,
          confirmedMode: p.active.confirmedMode,
        }
      : null,
    needsLiveConfirmation: needsLiveConfirmation(deps, p),
    pending: p.pending
      ? {
          state: codes.isVerified(p.id) ? 'verified' : p.pending.state,
          originator: p.pending.originator,
          adminPhone: p.pending.adminPhone,
          adminPhoneMasked: maskPhone(p.pending.adminPhone),
          key: keyInfo(p.pending.key ?? p.active?.key ?? null),
          keyChanged: p.pending.key !== null,
          codeActive: live,
          codeExpiresAt: live ? (codes.expiresAt(p.id) ?? null) : null,
          resendAvailableAt: codes.nextSendAt(p.id, p.pending.adminPhone).at,
          serverNow: deps.clock.now(),
          savedAt: p.pending.savedAt,
        }
      : null,
    lastKeyCheck: p.lastKeyCheck,
    portal: portalHandoff(p),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
