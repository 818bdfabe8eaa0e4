import { err, ok } from '@shared/result';
import type { HandlerTable } from '@shared/contract';
import type { sendLogContract } from '@shared/contract/send-log';
import { MAX_EXPORT_ROWS, type SendLogFilter } from '@shared/send-log-types';
import type { Services } from '../../services';

/** zod's optional fields arrive as `undefined` keys; the service wants them absent. */
function cleanFilter(filter: SendLogFilter): SendLogFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as SendLogFilter;
}

function exportName(now: number, language: 'nl' | 'en'): string {
  return `${language === 'nl' ? 'verzendlog' : 'send-log'}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}

/** Send-log methods: inputs arrive parsed by the contract's schemas; results, never throws. */
export function sendLogHandlers(s: Services): Pick<HandlerTable, keyof typeof sendLogContract> {
  const retention = () => s.preferences.get().sendLogRetentionDays;
  return {
    queryLog: async ({ filter, offset, limit, after, withTotals }) =>
      ok(
        s.sendLog.query(cleanFilter(filter), {
          limit,
          ...(offset !== undefined ? { offset } : {}),
          ...(after !== undefined ? { after } : {}),
          ...(withTotals !== undefined ? { withTotals } : {}),
        }),
      ),
    getLogRow: async ({ id }) => {
      const row = s.sendLog.get(id);
      return row ? ok(row) : err('not_found', `No send-log row ${id}`);
    },
    exportLog: async ({ filter, language }) => {
      const clean = cleanFilter(filter);
      const { count } = s.sendLog.totals(clean);
      if (count > MAX_EXPORT_ROWS) {
        return err('export_too_large', `The filter matches ${count} rows; at most ${MAX_EXPORT_ROWS} can be exported`, {
          details: { count, max: MAX_EXPORT_ROWS },
        });
      }
      // The CSV is produced only after the admin chose where it goes (never when they cancel) and is
      // streamed into the file row by row. Rows sent while the dialog is open are included; the cap
      // above bounds the export, a few more rows do not change what it protects.
      let rows = 0;
      let outcome;
      try {
        outcome = await s.deps.fileSaver.save({
          suggestedName: exportName(s.deps.clock.now(), language ?? 'en'),
          mimeType: 'text/csv',
          write: async (sink) => {
            rows = await s.sendLog.exportTo(clean, sink, { language: language ?? 'en' });
          },
        });
      } catch {
        return err('save_failed', 'The export file could not be written');
      }
      return ok(outcome.status === 'cancelled' ? outcome : { ...outcome, rows });
    },
    purgeLog: async ({ olderThanDays }) => {
      const days = olderThanDays ?? retention();
      return ok({ deleted: s.sendLog.purgeOlderThan(days), olderThanDays: days });
    },
    clearLog: async () => ok({ deleted: s.sendLog.clear() }),
    getLogInfo: async () => ok({ retentionDays: retention(), ...s.sendLog.stats() }),
    setRetentionDays: async ({ days }) => {
      s.preferences.update({ sendLogRetentionDays: days });
      return ok({ retentionDays: days, deleted: s.sendLog.purgeOlderThan(days) });
    },
  };
}
