/**
 * Who can log in to AFAS with an SMS code, by the rule of AFAS's help page: the user's e-mail address is
 * registered under exactly one participant number, and that participant number has an SMS provider set
 * up (here: an active profile confirmed with MessageBird, not in Sandbox). Pure: the caller reads the file
 * and says which participant numbers have such a profile.
 *
 * One entry per user (the first row of an e-mail address counts for its position and line), plus one
 * `duplicate` entry per repeated row (same e-mail and participant number again). A user's status is the
 * first that applies of `several_participants`, `no_active_provider`, `no_mobile`, `invalid_mobile`,
 * else `eligible`. E-mail addresses are compared trimmed and case-insensitively.
 */
import type { EligibilityCounts, EligibilityStatus, MobileIssue, SkippedRow } from '../review-types';
import { ELIGIBILITY_STATUSES } from '../review-types';
import { parseMobile } from './phone';
import { parseParticipantNumber } from './participant-number';

/** A row of the user list after column mapping, cells trimmed. */
export interface UserListEntry {
  line: number;
  email: string;
  participantNumber: string;
  mobile: string;
  name: string;
}

export interface ClassifiedEntry {
  line: number;
  email: string;
  name: string | null;
  participantNumbers: string[];
  /** The user's mobile number as checked (E.164 when usable); null without one. Never leaves main unmasked. */
  mobile: MobileCheck | null;
  status: EligibilityStatus;
  details: Record<string, string | number>;
}

export interface Classification {
  entries: ClassifiedEntry[];
  users: number;
  counts: EligibilityCounts;
}

export type MobileCheck = { ok: true; e164: string } | { ok: false; issue: MobileIssue };

export function emptyCounts(): EligibilityCounts {
  return Object.fromEntries(ELIGIBILITY_STATUSES.map((s) => [s, 0])) as EligibilityCounts;
}

/** Spaces, dashes, dots, slashes and brackets as people type them in a spreadsheet. */
const PHONE_PUNCTUATION = /[\s().\-/]/g;
/**
 * Dutch mobile numbers in their common spellings: 06…, +316…, 00316…, 316… (a number cell in Excel) and
 * 6… (Excel dropped the leading zero). 061–065 and 068 are mobile in the numbering plan; the test proves
 * this agrees with the full parser, which is about 30 times slower.
 */
const DUTCH_MOBILE = /^(?:\+31|0031|31|0)?(6[1-58]\d{7})$/;

/**
 * Reads a mobile number as a user list holds it. A number cell loses its `+` (31612345678): a run of
 * 10 or more digits without a leading 0 is taken as international.
 */
export function checkMobile(text: string): MobileCheck {
  const compact = text.replace(PHONE_PUNCTUATION, '');
  const dutch = DUTCH_MOBILE.exec(compact);
  if (dutch) return { ok: true, e164: `+31${dutch[1]}` };
  const international = /^[1-9]\d{9,14}$/.test(compact) ? `+${compact}` : text;
  const parsed = parseMobile(international);
  if (parsed.ok) return { ok: true, e164: parsed.value.e164 };
  const issue = parsed.issue;
  return { ok: false, issue: issue === 'empty' || issue === 'too_long' ? 'invalid' : issue };
}

/** A plausible e-mail address: one `@`, no spaces, a dot in the domain. Delivery is AFAS's business. */
export function isPlausibleEmail(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

export interface RawRecord {
  line: number;
  cells: string[];
}

export interface EntryColumns {
  email: number;
  participantNumber: number;
  mobile: number | null;
  name: number | null;
}

/**
 * Mapped, checked rows. A row without a usable e-mail address or participant number cannot be
 * classified; it is reported with its line and reason rather than dropped. A row with every cell empty
 * is not a user and is skipped without a report (spreadsheets end in empty rows).
 */
export function toEntries(records: readonly RawRecord[], columns: EntryColumns): { entries: UserListEntry[]; skipped: SkippedRow[] } {
  const entries: UserListEntry[] = [];
  const skipped: SkippedRow[] = [];
  const cell = (r: RawRecord, i: number | null) => (i === null ? '' : (r.cells[i] ?? '').trim());
  for (const record of records) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    const email = cell(record, columns.email);
    const participant = cell(record, columns.participantNumber);
    if (email === '') skipped.push({ line: record.line, reason: 'missing_email' });
    else if (!isPlausibleEmail(email)) skipped.push({ line: record.line, reason: 'invalid_email' });
    else if (participant === '') skipped.push({ line: record.line, reason: 'missing_participant_number' });
    else {
      const parsed = parseParticipantNumber(participant);
      if (!parsed.ok) skipped.push({ line: record.line, reason: 'invalid_participant_number' });
      else entries.push({ line: record.line, email, participantNumber: parsed.value, mobile: cell(record, columns.mobile), name: cell(record, columns.name) });
    }
  }
  return { entries, skipped };
}

interface UserAggregate {
  entry: ClassifiedEntry;
  participantNumbers: string[];
  mobile: string;
  name: string;
}

/** Classifies every user of the list; see the module comment for the rule. */
export function classifyUsers(
  rows: readonly UserListEntry[],
  activeParticipantNumbers: ReadonlySet<string>,
  mobileCheck: (text: string) => MobileCheck = checkMobile,
): Classification {
  const entries: ClassifiedEntry[] = [];
  const users = new Map<string, UserAggregate>();
  const firstLineOfPair = new Map<string, number>();
  for (const row of rows) {
    const key = row.email.trim().toLowerCase();
    const pair = `${key}\u0000${row.participantNumber}`;
    const firstLine = firstLineOfPair.get(pair);
    if (firstLine !== undefined) {
      entries.push({
        line: row.line,
        email: row.email.trim(),
        name: row.name || null,
        participantNumbers: [row.participantNumber],
        mobile: null,
        status: 'duplicate',
        details: { firstLine },
      });
      continue;
    }
    firstLineOfPair.set(pair, row.line);
    let user = users.get(key);
    if (!user) {
      const entry: ClassifiedEntry = {
        line: row.line,
        email: row.email.trim(),
        name: null,
        participantNumbers: [],
        mobile: null,
        status: 'eligible',
        details: {},
      };
      user = { entry, participantNumbers: [], mobile: '', name: '' };
      users.set(key, user);
      entries.push(entry);
    }
    user.participantNumbers.push(row.participantNumber);
    if (user.mobile === '' && row.mobile !== '') user.mobile = row.mobile;
    if (user.name === '' && row.name !== '') user.name = row.name;
  }

  for (const user of users.values()) {
    const { entry, participantNumbers, mobile } = user;
    entry.participantNumbers = participantNumbers;
    entry.name = user.name || null;
    entry.mobile = mobile === '' ? null : mobileCheck(mobile);
    const verdict = userStatus(participantNumbers, entry.mobile, activeParticipantNumbers);
    entry.status = verdict.status;
    entry.details = verdict.details;
  }

  return { entries, users: users.size, counts: countStatuses(entries) };
}

/**
 * The status of one user (not a repeated row): the first that applies of `several_participants`,
 * `no_active_provider`, `no_mobile`, `invalid_mobile`, else `eligible`.
 */
export function userStatus(
  participantNumbers: readonly string[],
  mobile: MobileCheck | null,
  active: ReadonlySet<string>,
): { status: EligibilityStatus; details: Record<string, string | number> } {
  if (participantNumbers.length > 1) return { status: 'several_participants', details: { participantNumbers: participantNumbers.join('|') } };
  const only = participantNumbers[0] ?? '';
  if (!active.has(only)) return { status: 'no_active_provider', details: { participantNumber: only } };
  if (mobile === null) return { status: 'no_mobile', details: {} };
  if (!mobile.ok) return { status: 'invalid_mobile', details: { issue: mobile.issue } };
  return { status: 'eligible', details: {} };
}

/** Counts per status of classified entries. */
export function countStatuses(entries: readonly { status: EligibilityStatus }[]): EligibilityCounts {
  const counts = emptyCounts();
  for (const entry of entries) counts[entry.status]++;
  return counts;
}
