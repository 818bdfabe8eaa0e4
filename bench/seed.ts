/**
 * Fills a send log quickly for the bench: one transaction, rows generated inside SQLite by a
 * recursive CTE (no per-row JavaScript), through the real schema and its totals triggers.
 * The mix is roughly what a busy organisation's log looks like: mostly delivered confirmation codes
 * to a few thousand recurring numbers, three profiles, a few failures and test sends.
 */
import { DatabaseSync } from 'node:sqlite';

const DAY = 86_400_000;

export function seedRows(path: string, rows: number, now: number, spanDays = 179): void {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA cache_size = -262144');
  const start = now - spanDays * DAY;
  const step = (spanDays * DAY) / rows;
  db.exec('BEGIN');
  db.prepare(
    `WITH RECURSIVE
       seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?),
       -- MATERIALIZED: otherwise SQLite inlines the CTE and draws a new random() at each use.
       gen AS MATERIALIZED (
         SELECT i,
           CAST(? + i * ? AS INTEGER) AS t,
           abs(random()) % 1000 AS r_status,
           abs(random()) % 100 AS r_profile,
           abs(random()) % 100 AS r_misc,
           abs(random()) % 5000 AS k
         FROM seq),
       shaped AS (
         SELECT *, printf('%04d', (k * 7919) % 10000) AS tail,
           CASE WHEN r_status < 850 THEN 'delivered' WHEN r_status < 880 THEN 'sent'
                WHEN r_status < 890 THEN 'buffered' WHEN r_status < 930 THEN 'delivery_failed'
                WHEN r_status < 960 THEN 'failed' WHEN r_status < 970 THEN 'expired'
                WHEN r_status < 980 THEN 'unknown' ELSE 'not_delivered_test_key' END AS status
         FROM gen)
     INSERT INTO send_log (created_at, updated_at, profile_id, participant_number, purpose,
       recipient_masked, recipient_tail_rev, recipient_hash, country, originator, messagebird_id,
       status, status_reason, error_code, parts, price_amount, price_currency, price_is_estimate, mode)
     SELECT t, t + 2000,
       CASE WHEN r_profile < 70 THEN 'profile-1' WHEN r_profile < 95 THEN 'profile-2' ELSE 'profile-3' END,
       CASE WHEN r_profile < 70 THEN '10001' WHEN r_profile < 95 THEN '10002' ELSE '10003' END,
       CASE WHEN r_misc < 90 THEN 'confirmation' ELSE 'test' END,
       '+31 6 •••• ' || tail,
       substr(tail, 4, 1) || substr(tail, 3, 1) || substr(tail, 2, 1) || substr(tail, 1, 1),
       printf('%08x%08x%08x%08x', (k * 2654435761) % 4294967296, (k * 40503) % 4294967296,
              (k * 69069 + 1) % 4294967296, (k * 1103515245 + 12345) % 4294967296),
       'NL', 'AFAS',
       CASE WHEN status IN ('failed', 'unknown') THEN NULL ELSE lower(hex(randomblob(16))) END,
       status,
       CASE WHEN status = 'failed' THEN 'Request not allowed (incorrect access_key)' ELSE NULL END,
       CASE WHEN status = 'failed' THEN '2' ELSE NULL END,
       CASE WHEN r_misc % 10 = 0 THEN 2 ELSE 1 END,
       CASE WHEN status = 'failed' THEN NULL ELSE (CASE WHEN r_misc % 10 = 0 THEN 0.112 ELSE 0.056 END) END,
       CASE WHEN status = 'failed' THEN NULL ELSE 'EUR' END,
       CASE WHEN r_misc % 7 = 0 THEN 1 ELSE 0 END,
       CASE WHEN status = 'not_delivered_test_key' THEN 'test' WHEN r_misc < 2 THEN 'sandbox' ELSE 'live' END
     FROM shaped`,
  ).run(rows, start, step);
  db.exec('COMMIT');
  // What the app's own open/close would have done over the life of a log that grew gradually.
  db.exec('ANALYZE');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
}
