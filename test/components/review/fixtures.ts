import type { CostEstimateResult, CostHistory, ImportedReview, Readiness, ReadinessItem, ReviewFile, UserListImport } from '@shared/review-types';

export const NOW = 1_800_000_000_000;

const item = <Id extends ReadinessItem['id']>(id: Id, verdict: ReadinessItem['verdict'], reason: ReadinessItem['reason'], params: ReadinessItem['params'] = {}, fix: ReadinessItem['fix'] = null): ReadinessItem<Id> => ({ id, verdict, reason, params, fix });

export const readiness: Readiness = {
  verdict: 'fail',
  checkedAt: NOW,
  gatewayMode: 'messagebird',
  profiles: [
    {
      profileId: 'p-ready',
      participantNumber: '11111',
      description: 'Productie',
      sandbox: false,
      ready: true,
      verdict: 'pass',
      items: [
        item('mode', 'pass', 'confirmed_with_messagebird'),
        item('key_check', 'pass', 'key_checked', { at: NOW - 2 * 86_400_000, amount: 12.5, type: 'euros' }),
        item('portal', 'pass', 'portal_done', { at: NOW - 86_400_000, note: 'Entered by Jan' }),
      ],
    },
    {
      profileId: 'p-sandbox',
      participantNumber: '22222',
      description: 'Oefen',
      sandbox: true,
      ready: false,
      verdict: 'fail',
      items: [item('mode', 'fail', 'confirmed_in_sandbox', {}, { page: 'setup', profileId: 'p-sandbox' })],
    },
    {
      profileId: 'p-portal',
      participantNumber: '33333',
      description: 'Test',
      sandbox: false,
      ready: false,
      verdict: 'fail',
      items: [item('portal', 'fail', 'portal_not_yet', {}, { page: 'setup', profileId: 'p-portal' }), item('recent_failures', 'warn', 'recent_failures', { count: 1, days: 30 }, { page: 'sendLog' })],
    },
  ],
  general: [item('afas_advice', 'warn', 'afas_advice_restricted_authenticator')],
};

export const userList: UserListImport = {
  importId: 'a'.repeat(32),
  fileName: 'users.csv',
  format: 'csv',
  delimiter: ';',
  headers: ['E-mail', 'Deelnemernummer', 'Mobiel', 'Naam'],
  mapping: { email: 0, participantNumber: 1, mobile: 2, name: 3 },
  mappingComplete: true,
  summary: { users: 5, counts: { eligible: 2, several_participants: 1, no_active_provider: 1, no_mobile: 0, invalid_mobile: 1, duplicate: 1 }, rowsRead: 8, skippedRows: 1 },
  skipped: [{ line: 7, reason: 'invalid_email' }],
  kept: false,
  importedAt: NOW,
};

export const estimate: CostEstimateResult = {
  input: { eligibleUsers: 2, loginsPerUserPerMonth: 20, partsPerMessage: 1, pricePerPart: 0.056, country: 'NL', priceDate: '2021-09' },
  messagesPerMonth: 40,
  partsPerMonth: 40,
  monthly: 2.24,
  yearly: 26.88,
  currency: 'EUR',
  balance: { amount: 12.5, type: 'euros', at: NOW, profileId: 'p-ready' },
  smsCoveredByBalance: 223,
  monthsCoveredByBalance: 5.6,
};

export const history: CostHistory = {
  currency: 'EUR',
  months: [
    { month: '2026-10', count: 3, parts: 3, cost: 0.168, includesEstimates: false },
    { month: '2026-11', count: 5, parts: 6, cost: 0.336, includesEstimates: true },
  ],
  profiles: [{ profileId: 'p-ready', participantNumber: '11111', months: [], total: { month: '2026-11', count: 8, parts: 9, cost: 0.504, includesEstimates: true } }],
  total: { count: 8, parts: 9, cost: 0.504, includesEstimates: true },
};

export const reviewFile: ReviewFile = {
  kind: 'sms-provider-admin/review',
  schemaVersion: 1,
  appVersion: '0.1.0',
  createdAt: NOW,
  gatewayMode: 'messagebird',
  profiles: [
    {
      id: 'p-ready',
      participantNumber: '11111',
      description: 'Productie',
      status: 'active',
      confirmedMode: 'messagebird',
      originator: 'Acme',
      adminPhoneMasked: '+31 •••••••78',
      keyFingerprint: 'abcd1234',
      keyKind: 'live',
      keyProtection: 'os',
      activatedAt: NOW,
      lastKeyCheckAt: NOW,
      portal: { state: 'done', savedAt: NOW, note: null },
    },
  ],
  readiness,
  eligibility: null,
  cost: estimate,
  log: { rows: 8, oldestCreatedAt: NOW, retentionDays: 180, byMode: { live: 8 }, failuresLast30Days: 1, liveCost: 0.504 },
};

export const imported = (differences: ImportedReview['differences'] = []): ImportedReview => ({ fileName: 'review.json', review: reviewFile, differences });
