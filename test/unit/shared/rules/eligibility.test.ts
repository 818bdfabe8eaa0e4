import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkMobile,
  classifyUsers,
  isPlausibleEmail,
  toEntries,
  userStatus,
  type UserListEntry,
} from '@shared/rules/eligibility';
import { parseMobile } from '@shared/rules/phone';
import { HEADERS, ROWS } from '../../../fixtures/user-list/make-fixtures';

const active = new Set(['12345']);
let line = 1;
const row = (email: string, participantNumber: string, mobile = '0612345678', name = ''): UserListEntry => ({
  line: ++line,
  email,
  participantNumber,
  mobile,
  name,
});

describe('eligibility rule', () => {
  it('a user under exactly one participant number with an active provider and a mobile number is eligible', () => {
    const result = classifyUsers([row('a@example.nl', '12345')], active);
    expect(result.entries.map((e) => e.status)).toEqual(['eligible']);
    expect(result.entries[0]!.mobile).toEqual({ ok: true, e164: '+31612345678' });
  });

  it('several participant numbers win over every other reason, and are listed', () => {
    const result = classifyUsers([row('a@example.nl', '12345', ''), row('a@example.nl', '99999', '')], active);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({ status: 'several_participants', participantNumbers: ['12345', '99999'], details: { participantNumbers: '12345|99999' } });
  });

  it('no active provider comes before a missing or bad mobile number', () => {
    expect(classifyUsers([row('a@example.nl', '23456', '')], active).entries[0]).toMatchObject({
      status: 'no_active_provider',
      details: { participantNumber: '23456' },
    });
    expect(classifyUsers([row('a@example.nl', '23456', '020 123 4567')], active).entries[0]!.status).toBe('no_active_provider');
  });

  it('no_mobile, then invalid_mobile for landline, premium-rate and nonsense numbers', () => {
    const result = classifyUsers(
      [row('a@example.nl', '12345', ''), row('b@example.nl', '12345', '020 123 4567'), row('c@example.nl', '12345', '0900 1234567'), row('d@example.nl', '12345', '12')],
      active,
    );
    expect(result.entries.map((e) => [e.status, e.details.issue])).toEqual([
      ['no_mobile', undefined],
      ['invalid_mobile', 'not_mobile'],
      ['invalid_mobile', 'premium_rate'],
      ['invalid_mobile', 'invalid'],
    ]);
  });

  it('a repeated e-mail and participant number is a duplicate of the first row, compared trimmed and case-insensitively', () => {
    const first = row('Jan@Example.nl', '12345');
    const again = row('  jan@example.NL ', '12345', '');
    const result = classifyUsers([first, again], active);
    expect(result.users).toBe(1);
    expect(result.entries.map((e) => e.status)).toEqual(['eligible', 'duplicate']);
    expect(result.entries[1]!.details).toEqual({ firstLine: first.line });
  });

  it('a repeated row of a user with several participant numbers is still a duplicate', () => {
    const a = row('m@example.nl', '12345');
    const b = row('M@example.nl', '23456');
    const c = row('m@example.nl', '23456');
    const result = classifyUsers([a, b, c], active);
    expect(result.entries.map((e) => [e.line, e.status])).toEqual([
      [a.line, 'several_participants'],
      [c.line, 'duplicate'],
    ]);
    expect(result.counts).toMatchObject({ several_participants: 1, duplicate: 1 });
  });

  it('takes the first non-empty mobile number of a user', () => {
    const result = classifyUsers([row('a@example.nl', '12345', ''), row('A@example.nl', '12345', '0612345678')], active);
    expect(result.entries.map((e) => e.status)).toEqual(['no_mobile', 'duplicate']);
  });

  it('userStatus alone applies the same order', () => {
    expect(userStatus(['12345', '23456'], null, active).status).toBe('several_participants');
    expect(userStatus(['23456'], null, active).status).toBe('no_active_provider');
    expect(userStatus(['12345'], null, active).status).toBe('no_mobile');
    expect(userStatus(['12345'], { ok: false, issue: 'shared_cost' }, active)).toEqual({ status: 'invalid_mobile', details: { issue: 'shared_cost' } });
    expect(userStatus(['12345'], { ok: true, e164: '+31612345678' }, active).status).toBe('eligible');
  });
});

describe('mobile numbers as user lists hold them', () => {
  it('reads Dutch mobile numbers in every common spelling, also a number cell without + or leading 0', () => {
    for (const text of ['0612345678', '06-12345678', '06 1234 5678', '+31 6 12345678', '0031612345678', '31612345678', '612345678', '(06) 12345678']) {
      expect(checkMobile(text), text).toEqual({ ok: true, e164: '+31612345678' });
    }
  });

  it('reads foreign numbers through the full parser, a number cell as international', () => {
    expect(checkMobile('+32 470 12 34 56')).toEqual({ ok: true, e164: '+32470123456' });
    expect(checkMobile('32470123456')).toEqual({ ok: true, e164: '+32470123456' });
    expect(checkMobile('+31 20 123 4567')).toEqual({ ok: false, issue: 'not_mobile' });
  });

  it('the fast path for Dutch numbers agrees with the full parser for every 06 prefix', () => {
    for (let prefix = 0; prefix <= 99; prefix++) {
      const national = `06${String(prefix).padStart(2, '0')}345678`;
      const full = parseMobile(national);
      const fast = checkMobile(national);
      expect(fast.ok, national).toBe(full.ok);
      if (full.ok && fast.ok) expect(fast.e164).toBe(full.value.e164);
    }
  });
});

describe('rows to entries', () => {
  const columns = { email: 0, participantNumber: 1, mobile: 2, name: 3 };

  it('reports rows without a usable e-mail or participant number by line, and skips rows with every cell empty', () => {
    const { entries, skipped } = toEntries(
      [
        { line: 2, cells: ['a@example.nl', '12345', '', 'A'] },
        { line: 3, cells: ['', '12345', '', ''] },
        { line: 4, cells: ['not-an-address', '12345', '', ''] },
        { line: 5, cells: ['b@example.nl', '', '', ''] },
        { line: 6, cells: ['c@example.nl', 'O12345AA', '', ''] },
        { line: 7, cells: ['', '  ', '', ''] },
        { line: 8, cells: ['d@example.nl'] },
      ],
      columns,
    );
    expect(entries.map((e) => e.line)).toEqual([2]);
    expect(skipped).toEqual([
      { line: 3, reason: 'missing_email' },
      { line: 4, reason: 'invalid_email' },
      { line: 5, reason: 'missing_participant_number' },
      { line: 6, reason: 'invalid_participant_number' },
      { line: 8, reason: 'missing_participant_number' },
    ]);
  });

  it('checks e-mail addresses loosely', () => {
    expect(isPlausibleEmail('jan@example.nl')).toBe(true);
    expect(isPlausibleEmail('jan@example')).toBe(false);
    expect(isPlausibleEmail('jan example@x.nl')).toBe(false);
  });
});

describe('the shared user-list fixture', () => {
  it('gives exactly the expected statuses and counts', () => {
    const expected = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/user-list/expected.json'), 'utf8'));
    const records = ROWS.map((cells, i) => ({ line: i + 2, cells }));
    const { entries, skipped } = toEntries(records, expected.mapping);
    expect(skipped).toEqual(expected.skipped);
    const result = classifyUsers(entries, new Set(expected.activeParticipantNumbers));
    expect(HEADERS).toEqual(expected.headers);
    expect(result.users).toBe(expected.users);
    expect(result.counts).toEqual(expected.counts);
    expect(
      result.entries.map((e) => ({
        line: e.line,
        email: e.email,
        participant_numbers: e.participantNumbers.join('|'),
        status: e.status,
        ...(Object.keys(e.details).length > 0 ? { details: e.details } : {}),
      })),
    ).toEqual(expected.entries);
  });
});
