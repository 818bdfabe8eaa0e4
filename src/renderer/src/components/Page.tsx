import { useId, type ReactNode, type Ref } from 'react';

export interface PageProps {
  title: ReactNode;
  /** One or two sentences under the title saying what the page is for. */
  intro?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/**
 * The frame of every feature page: one `h1` (focused by the app after navigation, hence tabIndex -1),
 * an optional intro, then the page's sections.
 */
export function Page({ title, intro, children, className }: PageProps) {
  return (
    <div className={['page', className ?? ''].filter(Boolean).join(' ')}>
      <div className="page__header">
        <h1 className="page__title" tabIndex={-1}>
          {title}
        </h1>
        {intro ? <p className="page__intro">{intro}</p> : null}
      </div>
      {children}
    </div>
  );
}

export interface SectionProps {
  title: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Given when the section is where focus lands after an action: the title then takes focus (tabIndex -1). */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** A titled block on a page (`h2`), labelled by its title for landmark navigation. */
export function Section({ title, children, className, headingRef }: SectionProps) {
  const id = useId();
  return (
    <section className={['section', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={id}>
      <h2 className="section__title" id={id} {...(headingRef && { ref: headingRef, tabIndex: -1 })}>
        {title}
      </h2>
      {children}
    </section>
  );
}
