import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  tone: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  /**
   * `alert` interrupts a screen reader, `status` waits its turn. Errors default to `alert`; a notice
   * that is part of the page from the start (a standing warning) may pass `role="note"`, and one
   * inside an existing live region passes `role="none"` so it is not announced twice.
   */
  role?: 'alert' | 'status' | 'note' | 'none';
  className?: string;
}

/** A boxed message. The tone is named in words (visually hidden prefix) as well as by colour and icon. */
export function Notice({ tone, title, children, role, className }: NoticeProps) {
  const { t } = useTranslation();
  const prefix = { info: t('notice.info'), success: t('notice.success'), warning: t('notice.warning'), error: t('notice.error') }[tone];
  return (
    <div className={['notice', `notice--${tone}`, className ?? ''].filter(Boolean).join(' ')} role={role === 'none' ? undefined : (role ?? (tone === 'error' ? 'alert' : 'status'))}>
      <span className="notice__icon" aria-hidden="true" />
      <div className="notice__body">
        <span className="visually-hidden">{prefix} </span>
        {title ? <p className="notice__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
