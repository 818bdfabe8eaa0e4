import type { ComponentPropsWithRef, ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'link';

type Named =
  | { children: ReactNode; 'aria-label'?: string }
  /** An icon-only button must say what it does. */
  | { children?: ReactNode; 'aria-label': string };

export type ButtonProps = Omit<ComponentPropsWithRef<'button'>, 'children' | 'aria-label'> &
  Named & {
    variant?: Variant;
    /** Shows the button as working and blocks a second click (e.g. while a send is in flight). */
    busy?: boolean;
  };

/**
 * The app's button. It always has a name (text or `aria-label`, enforced by its type) and defaults to
 * `type="button"` so it never submits a form by accident.
 */
export function Button({ variant = 'secondary', busy = false, type = 'button', className, disabled, children, ...rest }: ButtonProps) {
  const classes = ['btn', `btn--${variant}`, busy ? 'btn--busy' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button {...rest} type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy ? <span className="btn__spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
