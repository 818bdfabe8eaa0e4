import { create } from 'zustand';

/** The pages of the left navigation, in display order. */
export const PAGE_IDS = ['setup', 'testSend', 'sendLog', 'review', 'settings'] as const;
export type PageId = (typeof PAGE_IDS)[number];

interface NavigationState {
  page: PageId;
  /** Bumped on every user navigation so the new page's heading takes focus (not on first load). */
  focusToken: number;
  go: (page: PageId) => void;
}

/** Which page is shown. A tiny store instead of a router: the app has five pages and no URLs to share. */
export const useNavigationStore = create<NavigationState>()((set) => ({
  page: 'setup',
  focusToken: 0,
  go: (page) => set((s) => ({ page, focusToken: s.focusToken + 1 })),
}));
