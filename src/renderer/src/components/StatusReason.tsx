import { useTranslation } from 'react-i18next';
import { statusReasonText } from '../i18n/status-reason';

/**
 * A send's status reason: a sentence in the screen's language and, when the words are MessageBird's own,
 * those words quoted beneath it (marked as English for screen readers).
 */
export function StatusReason({ reason }: { reason: string }) {
  const { i18n } = useTranslation('errors');
  const { text, quote } = statusReasonText(reason, i18n);
  return (
    <span className="status-reason">
      <span>{text}</span>
      {quote ? (
        <q className="status-reason__quote" lang="en">
          {quote}
        </q>
      ) : null}
    </span>
  );
}
