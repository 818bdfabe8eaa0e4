import { Suspense, useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice, Spinner } from '../components';
import { useErrorText } from '../i18n/error-text';
import { useAppStore } from './app-store';
import { ModeBadge } from './ModeBadge';
import { useNavigationStore } from './navigation-store';
import { PAGES } from './pages';

/** The frame: header with name and mode badge, left navigation, and the current page. */
export function App() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { status, info, error, load } = useAppStore();
  const { page, focusToken, go } = useNavigationStore();
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (useAppStore.getState().status === 'idle') void load();
  }, [load]);

  const Current = PAGES.find((p) => p.id === page)?.component;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app__header">
        <p className="app__name">{t('appName')}</p>
        <ModeBadge mode={info?.mode} />
      </header>
      <nav className="app__nav" aria-label={t('nav.label')}>
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={p.id === page ? 'page' : undefined}
                onClick={() => go(p.id)}
                // Fetch the page's code as the pointer or focus arrives, so the click rarely waits.
                onPointerEnter={() => void p.preload().catch(() => undefined)}
                onFocus={() => void p.preload().catch(() => undefined)}
              >
                {t(p.navKey)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app__main" id="main" ref={mainRef} tabIndex={-1}>
        {status === 'loading' && !info ? <Spinner label={t('status.loading')} /> : null}
        {status === 'error' && error ? (
          <Notice tone="error" title={t('appInfo.loadFailed')}>
            <p>{errorText(error)}</p>
            <Button onClick={() => void load()}>{t('actions.retry')}</Button>
          </Notice>
        ) : null}
        {info && info.warnings.length > 0 && page !== 'settings' ? (
          <Notice tone="warning" className="app__startup-warnings">
            <p>{t('appInfo.startupWarnings')}</p>
            <Button variant="link" onClick={() => go('settings')}>
              {t('appInfo.showWarnings')}
            </Button>
          </Notice>
        ) : null}
        {Current ? (
          // One boundary per page: while a page's code loads the spinner says so, then the page mounts
          // together with the heading focus.
          <Suspense key={page} fallback={<Spinner label={t('status.loading')} />}>
            <FocusHeading container={mainRef} token={focusToken} />
            <Current />
          </Suspense>
        ) : null}
      </main>
    </div>
  );
}

/**
 * After a navigation the new page's heading takes focus, so keyboard and screen-reader users land on it.
 * Rendered inside the page's Suspense boundary: its effect runs once the page (and so its `h1`) is there.
 */
function FocusHeading({ container, token }: { container: RefObject<HTMLElement | null>; token: number }) {
  useEffect(() => {
    if (token > 0) container.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [container, token]);
  return null;
}
