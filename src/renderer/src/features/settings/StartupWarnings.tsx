import { useTranslation } from 'react-i18next';
import type { StartupWarning } from '@shared/contract';
import { Notice } from '../../components';

/** The words for one warning: where things went, and for a profile its participant number. */
function warningValues(w: StartupWarning, noNumber: string): Record<string, string | number> {
  return {
    path: w.movedTo,
    ...(w.code === 'profile_invalid' ? { participantNumber: w.participantNumber ?? noNumber } : {}),
    ...(w.code === 'send_log_emptied' ? { count: w.rows } : {}),
  };
}

/** Problems main found while starting (a damaged file moved aside), with where it went. */
export function StartupWarnings({ warnings }: { warnings: readonly StartupWarning[] }) {
  const { t } = useTranslation('settings');
  if (warnings.length === 0) return null;
  return (
    <Notice tone="warning" title={t('warnings.heading')}>
      <ul className="list">
        {warnings.map((w, index) => (
          <li key={`${w.code}:${w.movedTo}:${index}`}>
            {t(`warnings.${w.code}`, warningValues(w, t('warnings.noParticipantNumber')))}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
