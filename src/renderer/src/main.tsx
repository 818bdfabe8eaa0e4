import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useAppStore } from './app/app-store';
import { useNavigationStore } from './app/navigation-store';
import { PAGES } from './app/pages';
import { initI18n } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
// The first page's code, the language's texts and the app's facts load side by side; React renders
// once the texts and the page are in (App starts the facts itself only when nothing asked for them yet).
const firstPage = PAGES.find((p) => p.id === useNavigationStore.getState().page)?.preload();
void useAppStore.getState().load();
void Promise.all([initI18n(), firstPage?.catch(() => undefined)]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
