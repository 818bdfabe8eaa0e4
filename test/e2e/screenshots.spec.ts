// The README screenshots: every screen in Dutch and English at 1280 × 800, made from the same fixed
// Sandbox data each run (harness/screens.ts), so the pictures in docs/screenshots stay current.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { LANGUAGES, SCREENS, seedScreens, walkScreens, type ScreenName } from './harness/screens';

const OUT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** Screens whose interesting part starts lower down: the picture starts at this element, not where focus left the page. */
const START_AT: Partial<Record<ScreenName, string>> = {
  'wizard-details': '.setup-wizard',
  'wizard-code': '.setup-wizard',
  'wizard-save': '.setup-wizard',
  'wizard-portal': '.setup-wizard',
  'test-send-result': '.test-send__result',
};

for (const language of LANGUAGES) {
  test(`screenshots of every screen in ${language === 'nl' ? 'Dutch' : 'English'}`, async ({ page, host }) => {
    test.setTimeout(180_000);
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await seedScreens(host, language);
    const made: ScreenName[] = [];
    await walkScreens(page, host, language, async (screen) => {
      // The address bar never shows; the mouse pointer must not leave a hover state behind.
      await page.mouse.move(0, 799);
      const start = START_AT[screen];
      if (start) {
        await page.evaluate((selector) => {
          const main = document.querySelector('.app__main');
          const element = document.querySelector(selector);
          if (main && element) main.scrollTop += element.getBoundingClientRect().top - main.getBoundingClientRect().top - 24;
        }, start);
      }
      await page.screenshot({ path: join(OUT, `${language}-${screen}.png`), animations: 'disabled', caret: 'hide' });
      made.push(screen);
    });
    expect(made).toEqual([...SCREENS]);
  });
}
