/**
 * Offline review figures: importing and classifying a user list of 100,000 rows (CSV as Dutch Excel
 * saves it, and XLSX), changing the column mapping, a page of the eligibility table with a search, and
 * generating the review file. Runs the real services (settings in memory, the send log on SQLite in a
 * temporary folder). Prints a table and writes bench/results/review.json.
 *
 * Run: node --experimental-transform-types --disable-warning=ExperimentalWarning --import ./bench/register-ts.mjs bench/review-bench.ts
 * (transform, not only strip: some services use constructor parameter properties.)
 */
import ExcelJS from 'exceljs';
import { closeServices, type Services } from '../src/main/services';
import type { FileToSave } from '../src/main/services/ports';
import { writeFileContent } from '../src/main/services/file-content';
import type { UserListMapping } from '@shared/review-types';
import { createTestServices, memoryStore } from '../test/support/test-services';
import { median, report, type Figure } from './report';

const ROWS = 100_000;
const RUNS = 5;
const PARTICIPANTS = 40;
const NOW = Date.now();

/** A realistic list: 40 participant numbers (half with a provider), 3% on two numbers, 2% repeated, some landlines. */
function userRows(): string[][] {
  const rows: string[][] = [];
  for (let i = 0; rows.length < ROWS; i++) {
    const participant = String(10_000 + (i % PARTICIPANTS));
    const mobile = i % 50 === 7 ? `020 ${String(1_000_000 + i).slice(-7)}` : i % 97 === 3 ? '' : `06${String(10_000_000 + i).slice(-8)}`;
    const email = `Medewerker.${i}@Example.nl`;
    rows.push([email, participant, mobile, `Medewerker ${i}`]);
    if (i % 33 === 0 && rows.length < ROWS) rows.push([email.toLowerCase(), String(10_000 + ((i + 1) % PARTICIPANTS)), mobile, `Medewerker ${i}`]);
    if (i % 50 === 1 && rows.length < ROWS) rows.push([email, participant, mobile, `Medewerker ${i}`]);
  }
  return rows;
}

const HEADERS = ['E-mailadres', 'Deelnemernummer', 'Mobiel telefoonnummer', 'Naam'];

function csvBytes(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${[HEADERS, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
}

async function xlsxBytes(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Gebruikers');
  sheet.addRow(HEADERS);
  for (const [email, participant, mobile, name] of rows as Array<[string, string, string, string]>) sheet.addRow([email, Number(participant), mobile, name]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function profiles(): Array<Record<string, unknown>> {
  return Array.from({ length: PARTICIPANTS }, (_, i) => ({
    id: `p-${i}`,
    participantNumber: String(10_000 + i),
    description: `Omgeving ${i}`,
    status: i % 2 === 0 ? 'active' : 'disabled',
    active: {
      originator: 'Acme',
      adminPhone: '+31612345678',
      key: { fingerprint: 'a1b2c3d4', kind: 'live', protection: 'os' },
      activatedAt: NOW - 10 * 86_400_000,
      confirmedMode: 'messagebird',
    },
    pending: null,
    lastKeyCheck: { at: NOW - 86_400_000, balance: { payment: 'prepaid', type: 'euros', amount: 250 } },
    portal: null,
    createdAt: NOW - 20 * 86_400_000,
    updatedAt: NOW - 10 * 86_400_000,
  }));
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Wall-clock and CPU time (user + system of this process) per run: on a busy machine the CPU time is the fairer figure. */
async function samples(runs: number, work: () => Promise<unknown> | unknown): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    wall.push((await timed(work)).ms);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

async function main(): Promise<void> {
  const settings = memoryStore();
  settings.set('profiles', profiles());
  settings.set('preferences', { gatewayMode: 'messagebird' });
  let saved = '';
  const services: Services = createTestServices({
    settings,
    fileSaver: {
      save: async (file: FileToSave) => {
        const chunks: string[] = [];
        await writeFileContent(file, { write: (c) => void chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8')) });
        saved = chunks.join('');
        return { status: 'download', url: '/download/bench' };
      },
    },
  });
  for (let i = 0; i < 500; i++) {
    const id = services.sendLog.appendPending({
      profileId: `p-${i % PARTICIPANTS}`,
      participantNumber: String(10_000 + (i % PARTICIPANTS)),
      purpose: 'test',
      recipient: '+31612345678',
      originator: 'Acme',
      mode: i % 3 === 0 ? 'sandbox' : 'live',
      parts: 1,
      estimate: { amount: 0.056, currency: 'EUR' },
    });
    services.sendLog.markSent(id, { messagebirdId: `mb-${i}`, status: 'delivered' });
  }

  const rows = userRows();
  const csv = csvBytes(rows);
  const upload = (name: string, bytes: Buffer) => ({ source: 'upload' as const, fileName: name, contentBase64: bytes.toString('base64') });
  const csvUpload = upload('users.csv', csv);
  const review = services.review;

  let importId = '';
  let counts: Record<string, number> = {};
  const csvImport = await samples(RUNS, async () => {
    const result = await review.importUserList(csvUpload);
    if (!result.ok || result.value.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(result)}`);
    importId = result.value.list.importId;
    counts = result.value.list.summary.counts;
  });
  const mapping: UserListMapping = { email: 0, participantNumber: 1, mobile: 2, name: 3 };
  const remap = await samples(RUNS, () => review.classifyUserList(importId, mapping));
  const page = await samples(RUNS, () => review.eligibilityRows(importId, { offset: 0, limit: 100, search: 'medewerker.9' }));
  const reviewFile = await samples(RUNS, () => review.exportReviewFile(false));
  const reviewBytes = Buffer.byteLength(saved);
  const reviewWithEmails = await samples(RUNS, () => review.exportReviewFile(true));
  const readiness = await samples(RUNS, () => review.readiness());

  const xlsx = await xlsxBytes(rows);
  const xlsxUpload = upload('users.xlsx', xlsx);
  const xlsxImport = await samples(3, async () => {
    const result = await review.importUserList(xlsxUpload);
    if (!result.ok) throw new Error(`xlsx import failed: ${result.error.code}`);
  });

  await closeServices(services);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const figures: Figure[] = [
    { metric: `import + classify ${ROWS.toLocaleString('en')} rows, CSV, CPU (median of ${RUNS})`, value: median(csvImport.cpu), unit: 'ms', target: 1000, note: mb(csv.length) },
    { metric: `import + classify ${ROWS.toLocaleString('en')} rows, CSV, wall`, value: median(csvImport.wall), unit: 'ms' },
    { metric: `import + classify ${ROWS.toLocaleString('en')} rows, XLSX, CPU (median of 3)`, value: median(xlsxImport.cpu), unit: 'ms', note: mb(xlsx.length) },
    { metric: `import + classify ${ROWS.toLocaleString('en')} rows, XLSX, wall`, value: median(xlsxImport.wall), unit: 'ms' },
    { metric: 'classify again with a new column mapping, CPU', value: median(remap.cpu), unit: 'ms', target: 1000 },
    { metric: 'eligibility page of 100 with a search, CPU', value: median(page.cpu), unit: 'ms', target: 100 },
    { metric: 'readiness checklist, 40 profiles, CPU', value: median(readiness.cpu), unit: 'ms', target: 200 },
    { metric: 'review file (counts only), CPU', value: median(reviewFile.cpu), unit: 'ms', target: 500, note: `${(reviewBytes / 1024).toFixed(0)} KB` },
    { metric: 'review file (counts only), wall', value: median(reviewFile.wall), unit: 'ms' },
    { metric: `review file with ${ROWS.toLocaleString('en')} e-mail addresses, CPU`, value: median(reviewWithEmails.cpu), unit: 'ms', target: 1000 },
  ];
  report('review', 'Offline review: user list, eligibility, review file', figures, { counts });
}

await main();
