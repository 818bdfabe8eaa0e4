import type { SQLInputValue } from 'node:sqlite';
import type { SendLogFilter } from '@shared/send-log-types';
import { hashRecipient, normalizeInternational } from './recipient';

/** A piece of WHERE clause with its positional parameters. */
export interface SqlPart {
  sql: string;
  params: SQLInputValue[];
}

const TRUE: SqlPart = { sql: '1', params: [] };

export function and(parts: SqlPart[]): SqlPart {
  const real = parts.filter((p) => p.sql !== '1');
  if (real.length === 0) return TRUE;
  return { sql: real.map((p) => `(${p.sql})`).join(' AND '), params: real.flatMap((p) => p.params) };
}

/**
 * Conditions on the bucket columns (profile, purpose, status, mode). They read the same on the log
 * and on the totals table, which is what lets totals come from the buckets.
 */
export function dimensionWhere(filter: SendLogFilter): SqlPart {
  const parts: SqlPart[] = [];
  if (filter.profileId !== undefined) parts.push({ sql: 'profile_id = ?', params: [filter.profileId] });
  if (filter.purpose !== undefined) parts.push({ sql: 'purpose = ?', params: [filter.purpose] });
  if (filter.mode !== undefined) parts.push({ sql: 'mode = ?', params: [filter.mode] });
  if (filter.statuses !== undefined) {
    // An empty list matches nothing, as an unticked status filter would suggest.
    parts.push(
      filter.statuses.length === 0
        ? { sql: '0', params: [] }
        : { sql: `status IN (${filter.statuses.map(() => '?').join(', ')})`, params: [...filter.statuses] },
    );
  }
  return and(parts);
}

/** `created_at` in [from, to). */
export function timeWhere(from: number | undefined, to: number | undefined): SqlPart {
  const parts: SqlPart[] = [];
  if (from !== undefined) parts.push({ sql: 'created_at >= ?', params: [from] });
  if (to !== undefined) parts.push({ sql: 'created_at < ?', params: [to] });
  return and(parts);
}

/** GLOB is case-sensitive and uses a BINARY index for a fixed prefix; escape its wildcards. */
function globLiteral(text: string): string {
  return text.replace(/[*?[]/g, (c) => `[${c}]`);
}

function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Search by what the admin can know: a MessageBird id (or its start), the last digits of a number
 * (`5678`), a fragment of the masked number as the table shows it (`6 •••• 5678`, `+31 6 •••• 5678`),
 * the start of a masked number (`+31 6`), or a full international number, matched through its keyed
 * hash (the number itself is never stored). The precise alternatives each have an index, so SQLite
 * answers their OR from several indexes. Broad ones (a masked prefix, two last digits, or a single
 * digit: a substring scan) are marked `broad`: a page query wraps them in `likelihood(…, 0.9)` so the
 * planner walks the time index and stops after one page instead of sorting every match (totals keep
 * the index, reading at most the cap). Other text (letters that
 * are not an id) cannot match a masked number and matches nothing.
 */
export function searchWhere(search: string, hash: (e164: string) => string): SqlPart & { broad: boolean } {
  const term = search.trim().replace(/\s+/g, ' ');
  if (term === '') return { ...TRUE, broad: false };
  const alternatives: SqlPart[] = [];
  if (/^[A-Za-z0-9_-]{4,64}$/.test(term)) {
    alternatives.push({ sql: 'messagebird_id GLOB ?', params: [`${term}*`] });
  }
  const full = normalizeInternational(term);
  if (full) alternatives.push({ sql: 'recipient_hash = ?', params: [hash(full)] });
  const maskAlphabet = /^[+\d •]+$/.test(term);
  const tail = /(?:^|[^\d])(\d{2,4})$/.exec(term)?.[1];
  let broadTail: SqlPart | undefined;
  if (!full && maskAlphabet && tail && (!term.startsWith('+') || term.includes('•'))) {
    const byTail: SqlPart = { sql: 'recipient_tail_rev GLOB ?', params: [`${[...tail].reverse().join('')}*`] };
    const match =
      term === tail
        ? byTail
        : and([byTail, { sql: "recipient_masked LIKE ? ESCAPE '\\'", params: [`%${likeLiteral(term)}`] }]);
    // Two digits match ~1% of all rows: walking the time index finds a page sooner than sorting them.
    if (tail.length === 2 && alternatives.length === 0) broadTail = match;
    else alternatives.push(match);
  }
  if (alternatives.length > 0) {
    return { sql: alternatives.map((a) => `(${a.sql})`).join(' OR '), params: alternatives.flatMap((a) => a.params), broad: false };
  }
  // Text that cannot occur in a masked number or an id (letters, too short) matches nothing, at no cost.
  if (!maskAlphabet) return { sql: '0', params: [], broad: false };
  const broad: SqlPart =
    broadTail ??
    (term.startsWith('+')
      ? { sql: 'recipient_masked GLOB ?', params: [`${globLiteral(term)}*`] }
      : { sql: "recipient_masked LIKE ? ESCAPE '\\'", params: [`%${likeLiteral(term)}%`] });
  return { ...broad, broad: true };
}

/**
 * The whole filter as a WHERE clause on `send_log`. `forPage`: rows are wanted newest first, a page
 * at a time, so a broad search is marked likely (see `searchWhere`) to keep the time index in use.
 */
export function rowWhere(filter: SendLogFilter, hashKey: Uint8Array, forPage = false): SqlPart {
  const search = filter.search ? searchWhere(filter.search, (e164) => hashRecipient(hashKey, e164)) : null;
  const searchPart =
    search && search.broad && forPage ? { sql: `likelihood(${search.sql}, 0.9)`, params: search.params } : search;
  return and([dimensionWhere(filter), timeWhere(filter.from, filter.to), searchPart ?? TRUE]);
}
