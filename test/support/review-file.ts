import { REVIEW_FILE_KIND, type ReviewFile, type ReviewProfile } from '@shared/review-types';

export function reviewProfile(over: Partial<ReviewProfile> = {}): ReviewProfile {
  return {
    id: 'p-1',
    participantNumber: '12345',
    description: 'Productie',
    status: 'active',
    confirmedMode: 'messagebird',
    originator: 'Acme',
    adminPhoneMasked: '+31 •••••••78',
    keyFingerprint: 'a1b2c3d4',
    keyKind: 'live',
    keyProtection: 'os',
    activatedAt: 1,
    lastKeyCheckAt: 2,
    portal: { state: 'done', savedAt: 3, note: null },
    ...over,
  };
}

/** A small review of one active MessageBird profile; `over` replaces whole top-level parts. */
export function reviewFile(over: Partial<ReviewFile> = {}): ReviewFile {
  return {
    kind: REVIEW_FILE_KIND,
    schemaVersion: 1,
    appVersion: '1.0.0',
    createdAt: 10,
    gatewayMode: 'messagebird',
    profiles: [reviewProfile()],
    readiness: {
      verdict: 'pass',
      checkedAt: 10,
      gatewayMode: 'messagebird',
      profiles: [
        {
          profileId: 'p-1',
          participantNumber: '12345',
          description: 'Productie',
          sandbox: false,
          ready: true,
          verdict: 'pass',
          items: [{ id: 'key_check', verdict: 'pass', reason: 'key_checked', params: { at: 2, amount: 5, type: 'euros' }, fix: null }],
        },
      ],
      general: [{ id: 'afas_advice', verdict: 'warn', reason: 'afas_advice_restricted_authenticator', params: {}, fix: null }],
    },
    eligibility: null,
    cost: {
      input: { eligibleUsers: 0, loginsPerUserPerMonth: 20, partsPerMessage: 1, pricePerPart: 0.056, country: 'NL', priceDate: '2021-09' },
      messagesPerMonth: 0,
      partsPerMonth: 0,
      monthly: 0,
      yearly: 0,
      currency: 'EUR',
      balance: null,
      smsCoveredByBalance: null,
      monthsCoveredByBalance: null,
    },
    log: { rows: 0, oldestCreatedAt: null, retentionDays: 180, byMode: {}, failuresLast30Days: 0, liveCost: 0 },
    ...over,
  };
}
