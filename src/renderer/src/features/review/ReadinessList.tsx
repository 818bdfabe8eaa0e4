import { useTranslation } from 'react-i18next';
import type { ReadinessItem, Verdict } from '@shared/review-types';
import { StatusBadge, Button, type Tone } from '../../components';
import { useNavigationStore } from '../../app/navigation-store';
import { reasonText } from './reason-text';

export const VERDICT_TONE: Record<Verdict, Tone> = { pass: 'success', warn: 'warning', fail: 'danger' };

/** A verdict in words with its glyph: never colour alone. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation('review');
  return <StatusBadge tone={VERDICT_TONE[verdict]}>{t(`verdict.${verdict}`)}</StatusBadge>;
}

export interface ReadinessListProps {
  items: ReadinessItem[];
  /** Who the items are about, for the list's name and the fix buttons' names ("participant 12345"). */
  subject: string;
  now: number;
  /** The printable report shows no buttons. */
  withFixes?: boolean;
}

/** Checklist items: verdict, what was checked, the one-line reason, and a button to the page that fixes it. */
export function ReadinessList({ items, subject, now, withFixes = true }: ReadinessListProps) {
  const { t, i18n } = useTranslation('review');
  const go = useNavigationStore((s) => s.go);
  return (
    <ul className="review-checks" aria-label={t('readiness.listLabel', { name: subject })}>
      {items.map((item) => (
        <li key={item.id} className={`review-checks__item review-checks__item--${item.verdict}`} data-check={item.id} data-verdict={item.verdict}>
          <VerdictBadge verdict={item.verdict} />
          <span className="review-checks__name">{t(`items.${item.id}`)}</span>
          <span className="review-checks__reason">{reasonText(t, item, i18n.language, now)}</span>
          {withFixes && item.fix && item.verdict !== 'pass' ? (
            <Button
              variant="link"
              className="review-checks__fix"
              aria-label={t('fix.label', { action: t(`fix.${item.fix.page}`), item: t(`items.${item.id}`), subject })}
              onClick={() => go(item.fix!.page)}
            >
              {t(`fix.${item.fix.page}`)}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
