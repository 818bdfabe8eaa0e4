// The offline review through the browser host's API, as the Review page calls it: readiness verdicts,
// the shared user-list fixtures (CSV and XLSX) with their hand-written answers, the eligibility CSV
// download, and the review file round trip. None of it may reach MessageBird.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { setUpReviewProfiles } from './harness/review-profiles';

const FIXTURES = join(import.meta.dirname, '../fixtures/user-list');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string } };

test('readiness, user list, eligibility export and review file work offline through the host', async ({ host, fake }) => {
  test.setTimeout(90_000);
  const ids = await setUpReviewProfiles(host, fake);
  const requestsBefore = fake.requests.length;

  const readiness = (await host.call('getReadiness')) as Reply<{ profiles: Array<{ profileId: string; ready: boolean; sandbox: boolean; items: Array<{ id: string; verdict: string; reason: string }> }> }>;
  if (!readiness.ok) throw new Error(JSON.stringify(readiness));
  const byId = Object.fromEntries(readiness.value.profiles.map((p) => [p.profileId, p]));
  expect(byId[ids.ready]).toMatchObject({ ready: true, sandbox: false });
  expect(byId[ids.sandbox]).toMatchObject({ ready: false, sandbox: true });
  expect(byId[ids.sandbox]!.items.find((i) => i.id === 'mode')).toMatchObject({ verdict: 'fail', reason: 'confirmed_in_sandbox' });
  expect(byId[ids.noPortal]).toMatchObject({ ready: false, sandbox: false });
  expect(byId[ids.noPortal]!.items.find((i) => i.id === 'portal')).toMatchObject({ verdict: 'fail', reason: 'portal_not_yet' });

  for (const file of ['users.csv', 'users.xlsx']) {
    const imported = (await host.call('importUserList', {
      source: 'upload',
      fileName: file,
      contentBase64: readFileSync(join(FIXTURES, file)).toString('base64'),
    })) as Reply<{ status: string; list: { importId: string; summary: { counts: Record<string, number>; users: number } } }>;
    if (!imported.ok) throw new Error(JSON.stringify(imported));
    expect(imported.value.list.summary).toMatchObject({ counts: expected.counts, users: expected.users });
    const exported = (await host.call('exportEligibilityCsv', { importId: imported.value.list.importId, language: 'en' })) as Reply<{ status: string; url: string }>;
    if (!exported.ok) throw new Error(JSON.stringify(exported));
    const csv = await (await fetch(`${host.origin}${exported.value.url}`, { headers: { cookie: host.sessionCookie } })).text();
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('email,participant_numbers,status,reason');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(
      expected.entries.map((e: { email: string; participant_numbers: string; status: string }) => `${e.email},${e.participant_numbers},${e.status}`),
    );
  }

  const saved = (await host.call('exportReviewFile', { includeEmails: false })) as Reply<{ status: string; url: string }>;
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const reviewText = await (await fetch(`${host.origin}${saved.value.url}`, { headers: { cookie: host.sessionCookie } })).text();
  expect(reviewText).not.toContain('LiveReviewKey');
  expect(reviewText).not.toMatch(/\+31687654321|0687654321/);
  expect(reviewText).not.toContain('jan.jansen@example.nl');
  // No confirmation code either: every code the fake delivered stays out of the file.
  const codes = fake.messages().map((m) => /\b\d{6}\b/.exec(m.body ?? '')?.[0]).filter((c): c is string => c !== undefined);
  expect(codes.length).toBeGreaterThanOrEqual(2);
  // As a number of its own: a 13-digit timestamp may hold the same six digits by chance.
  for (const code of codes) expect(reviewText).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
  const upload = (text: string) => ({ source: 'upload', fileName: 'review.json', contentBase64: Buffer.from(text).toString('base64') });
  expect(await host.call('importReviewFile', upload(reviewText))).toMatchObject({ ok: true, value: { status: 'imported', differences: [] } });
  expect(await host.call('importReviewFile', upload(reviewText.slice(0, 100)))).toMatchObject({ ok: false, error: { code: 'review_file_damaged' } });

  expect(fake.requests.length, 'the review must not call MessageBird').toBe(requestsBefore);
});
