/**
 * The AFAS portal handoff: the admin marks a profile as entered in the AFAS Online portal (Beheer →
 * SMS-provider → Nieuw). The app never talks to AFAS, so this is only the admin's own record, with a
 * snapshot of what was in effect, so that a later change shows as "changed since".
 */
import type { PortalHandoff } from '@shared/review-types';
import type { StoredProfile } from '../profiles/profile-store';

type StoredPortal = NonNullable<StoredProfile['portal']>;

/** What the portal must match: the settings in effect, as the admin typed them there. */
export function portalSnapshot(p: StoredProfile): StoredPortal['snapshot'] | null {
  if (!p.active) return null;
  return { originator: p.active.originator, description: p.description, keyFingerprint: p.active.key?.fingerprint ?? null };
}

export function portalHandoff(p: StoredProfile): PortalHandoff {
  const portal = p.portal;
  if (!portal) return { state: 'not_yet', savedAt: null, note: null };
  const now = portalSnapshot(p);
  const same =
    now !== null &&
    now.originator === portal.snapshot.originator &&
    now.description === portal.snapshot.description &&
    now.keyFingerprint === portal.snapshot.keyFingerprint;
  return { state: same ? 'done' : 'changed_since', savedAt: portal.savedAt, note: portal.note };
}
