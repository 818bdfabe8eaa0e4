import type { ProfileView } from '@shared/profile-types';

export const NOW = 1_800_000_000_000;

/** An active profile for participant 12345 as main reports it, confirmed in the given mode. */
export function activeProfile(over: Partial<ProfileView> = {}, confirmedMode: 'sandbox' | 'messagebird' = 'messagebird'): ProfileView {
  return {
    id: 'p-1',
    participantNumber: '12345',
    description: 'Productie',
    status: 'active',
    active: {
      originator: 'Acme',
      adminPhoneMasked: '+31 •••••••78',
      key: { hasApiKey: true, fingerprint: 'abcd1234', kind: 'live', protection: 'os' },
      activatedAt: NOW,
      confirmedMode,
    },
    pending: null,
    needsLiveConfirmation: false,
    portal: { state: 'not_yet', savedAt: null, note: null },
    lastKeyCheck: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}
