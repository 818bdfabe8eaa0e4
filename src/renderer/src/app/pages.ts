import type { ComponentType } from 'react';
import { ReviewPage } from '../features/review';
import { SendLogPage } from '../features/send-log';
import { SettingsPage } from '../features/settings';
import { SetupWizardPage } from '../features/setup-wizard';
import { TestSendPage } from '../features/test-send';
import type { PageId } from './navigation-store';

export interface PageEntry {
  id: PageId;
  /** Key in `common:nav.*` for the navigation label. */
  navKey: `nav.${PageId}`;
  component: ComponentType;
}

/** The navigation, in order. A feature replaces its page component in its own folder; this list stays. */
export const PAGES: readonly PageEntry[] = [
  { id: 'setup', navKey: 'nav.setup', component: SetupWizardPage },
  { id: 'testSend', navKey: 'nav.testSend', component: TestSendPage },
  { id: 'sendLog', navKey: 'nav.sendLog', component: SendLogPage },
  { id: 'review', navKey: 'nav.review', component: ReviewPage },
  { id: 'settings', navKey: 'nav.settings', component: SettingsPage },
];
