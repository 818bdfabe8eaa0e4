import type { ReactNode } from 'react';

export interface SpinnerProps {
  /** What is happening, in words; announced politely to screen readers. */
  label: ReactNode;
}

/** A working indicator that says what it waits for (`role="status"`, `aria-live="polite"`). */
export function Spinner({ label }: SpinnerProps) {
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner__wheel" aria-hidden="true" />
      <span className="spinner__label">{label}</span>
    </div>
  );
}

export interface ProgressProps {
  label: string;
  /** 0..max; leave out for an indeterminate bar. */
  value?: number;
  max?: number;
}

/** A labelled progress bar for steps that take a while (e.g. sending, exporting). */
export function Progress({ label, value, max = 100 }: ProgressProps) {
  return (
    <div className="progress">
      <progress className="progress__bar" aria-label={label} value={value} max={max} />
    </div>
  );
}
