import { useTranslation } from 'react-i18next';
import { compareRows, type CompareLeaf } from '@shared/rules/review-compare';
import type { ImportedReview, ReadinessReason, ReviewFile } from '@shared/review-types';
import { Button, Notice, StatusBadge } from '../../components';
import { formatDateTime, formatNumber } from './format';
import { reasonText } from './reason-text';
import { useReviewStore } from './review-store';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

const COST_LABELS: Record<string, string> = {
  eligibleUsers: 'cost.eligibleUsers',
  loginsPerUserPerMonth: 'cost.logins',
  partsPerMessage: 'cost.parts',
  pricePerPart: 'cost.price',
  country: 'cost.country',
  priceDate: 'cost.priceDate',
  monthly: 'cost.monthly',
};

/** A compared path in words, e.g. `profiles/12345/originator` → "Participant 12345: Sender". */
function pathLabel(t: LooseT, path: string): string {
  const [head, a, b] = path.split('/');
  const profile = (participantNumber: string, field: string) => t('review:file.profileField', { participantNumber, field });
  if (head === 'profiles' && a && b) return profile(a, t(`review:file.fields.${b}`, { defaultValue: b }));
  if (head === 'readiness' && a === 'verdict') return t('review:readiness.overallLabel').replace(/:$/, '');
  if (head === 'readiness' && a === 'general' && b) return t(`review:items.${b}`, { defaultValue: b });
  if (head === 'readiness' && a && b) return profile(a, b === 'verdict' ? t('review:file.fields.verdict') : t(`review:items.${b}`, { defaultValue: b }));
  if (head === 'eligibility' && a === 'users') return t('review:file.fields.users');
  if (head === 'eligibility' && a) return `${t('review:report.eligibility')}: ${t(`review:eligibility.status.${a}`, { defaultValue: a })}`;
  if (head === 'cost' && a) return `${t('review:cost.title')}: ${t(`review:${COST_LABELS[a] ?? a}`, { defaultValue: a })}`;
  if (head === 'log' && a === 'retentionDays') return t('review:items.retention');
  return t(`review:file.fields.${path}`, { defaultValue: path });
}

/** The readiness item a `readiness/<participant>/<id>` or `readiness/general/<id>` path names, for its reason's values. */
function readinessParams(review: ReviewFile | undefined, path: string): Record<string, string | number> {
  const [head, a, b] = path.split('/');
  if (!review || head !== 'readiness' || !a || !b) return {};
  const items = a === 'general' ? review.readiness.general : review.readiness.profiles.find((p) => p.participantNumber === a)?.items;
  return items?.find((item) => item.id === b)?.params ?? {};
}

function valueText(t: LooseT, path: string, value: CompareLeaf, language: string, now: number, review?: ReviewFile): string {
  if (value === null) return t('review:file.none');
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return path.endsWith('SavedAt') ? formatDateTime(value, language) : formatNumber(value, language, 4);
  const verdict = /^(pass|warn|fail)(?::(\w+))?$/.exec(value);
  if (verdict) {
    const word = t(`review:verdict.${verdict[1]}`);
    // The reason's values (sender, dates, amounts) come from the side the value came from.
    const params = readinessParams(review, path);
    const reason = verdict[2] ? reasonText(t as never, { reason: verdict[2] as ReadinessReason, params }, language, now) : '';
    return reason ? `${word}: ${reason}` : word;
  }
  if (path.endsWith('/portal')) return t(`review:file.portal.${value}`, { defaultValue: value });
  return value;
}

/** A review file shown read-only beside this computer's setup; differing rows are marked in words and style. */
export function ReviewComparison({ imported }: { imported: ImportedReview & { ours?: ReviewFile } }) {
  const { t, i18n } = useTranslation('review');
  const tl = t as unknown as LooseT;
  const closeImported = useReviewStore((s) => s.closeImported);
  const language = i18n.language;
  const { review, differences, fileName } = imported;
  const rows = compareRows(imported);
  const now = review.createdAt;
  return (
    <section className="review-compare stack" aria-label={t('file.importedTitle', { fileName })}>
      <h3>{t('file.importedTitle', { fileName })}</h3>
      <p>{t('file.importedMeta', { time: formatDateTime(review.createdAt, language), version: review.appVersion, schema: review.schemaVersion })}</p>
      {differences.length === 0 ? (
        <Notice tone="success">{t('file.noDifferences')}</Notice>
      ) : (
        <Notice tone="warning">{t('file.differences', { count: differences.length })}</Notice>
      )}
      <div className="review-compare__wrap" role="region" aria-label={t('file.compareCaption')} tabIndex={0}>
        <table className="table review-compare__table">
          <caption className="visually-hidden">{t('file.compareCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('file.field')}</th>
              <th scope="col">{t('file.theirs')}</th>
              <th scope="col">{t('file.ours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.path} className={row.different ? 'review-compare__row--different' : undefined} data-path={row.path} data-different={row.different || undefined}>
                <th scope="row">
                  {pathLabel(tl, row.path)}
                  {row.different ? (
                    <>
                      {' '}
                      <StatusBadge tone="warning">{t('file.different')}</StatusBadge>
                    </>
                  ) : null}
                </th>
                <td>{valueText(tl, row.path, row.theirs, language, now, review)}</td>
                <td>{valueText(tl, row.path, row.ours, language, now, imported.ours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <Button onClick={closeImported}>{t('file.close')}</Button>
      </div>
    </section>
  );
}
