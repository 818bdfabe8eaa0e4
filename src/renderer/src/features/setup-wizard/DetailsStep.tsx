import { createElement, lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components';

/**
 * The details step's form checks the phone number and the key as the admin types, with the phone
 * rules' full metadata and the key schema: together about three times the rest of the Setup page. The
 * page's first screen (the profile list) needs neither, so the form is a chunk of its own, fetched
 * once the browser is idle after the first screen (or when the step opens first, whichever is sooner).
 */
let loaded: ComponentType | undefined;
let loading: Promise<ComponentType> | undefined;

export function preloadDetailsStep(): Promise<ComponentType> {
  return (loading ??= import('./DetailsStepForm').then(
    (m) => (loaded = m.DetailsStepForm),
    (error: unknown) => {
      loading = undefined; // a failed fetch may be tried again when the step renders
      throw error;
    },
  ));
}

const LazyForm = lazy(() => preloadDetailsStep().then((component) => ({ default: component })));

const idle: (run: () => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: 1_000 }) : (run) => setTimeout(run, 0);
idle(() => void preloadDetailsStep().catch(() => undefined));

export function DetailsStep() {
  const { t } = useTranslation('common');
  // Already here: render at once, without Suspense's fallback (React holds a revealed fallback a moment).
  if (loaded) return createElement(loaded);
  return (
    <Suspense fallback={<Spinner label={t('status.loading')} />}>
      <LazyForm />
    </Suspense>
  );
}
