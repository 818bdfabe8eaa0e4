import { createElement, lazy, Suspense, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components';
import { useSetupStore } from './setup-store';

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

const preloadSoon = () => setTimeout(() => void preloadDetailsStep().catch(() => undefined), 0);

/**
 * Where the browser can say when it is idle (Chromium, so Electron), the form is fetched in an idle
 * moment once the Setup page is on screen: the page asks for its list after its first render, or a
 * wizard opens. Never while the first screen is being built: the form's code would compete with it.
 * Elsewhere it is fetched right after this module loads.
 */
if (typeof requestIdleCallback === 'function') {
  const unsubscribe = useSetupStore.subscribe((state) => {
    if (state.listStatus === 'idle' && !state.wizard) return;
    unsubscribe();
    if (state.wizard) preloadSoon();
    else requestIdleCallback(() => void preloadDetailsStep().catch(() => undefined), { timeout: 2_000 });
  });
} else {
  preloadSoon();
}

export function DetailsStep() {
  const { t } = useTranslation('common');
  // Decided once per mount: switching from the lazy path to the loaded component later would mount the
  // form anew and lose what the admin is typing.
  const [ready] = useState(() => loaded);
  // Already here: render at once, without Suspense's fallback (React holds a revealed fallback a moment).
  if (ready) return createElement(ready);
  return (
    <Suspense fallback={<Spinner label={t('status.loading')} />}>
      <LazyForm />
    </Suspense>
  );
}
