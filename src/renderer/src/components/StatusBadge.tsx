import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface StatusBadgeProps {
  tone: Tone;
  children: ReactNode;
  title?: string;
  className?: string;
}

/** A compact status label with a glyph per tone, so the state is never told by colour alone (profile status, delivery status, mode); the text carries the meaning. */
export function StatusBadge({ tone, children, title, className }: StatusBadgeProps) {
  return (
    <span className={['badge', `badge--${tone}`, className ?? ''].filter(Boolean).join(' ')} title={title}>
      {/* The tone's glyph is CSS content (badge__glyph), so the text and the name stay the words alone. */}
      <span className="badge__glyph" aria-hidden="true" />
      {children}
    </span>
  );
}
