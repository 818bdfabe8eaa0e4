// axe on every screen, in light and dark (the app follows the OS colour scheme): no serious or critical
// finding. Each finding names the screen, the rule and the elements, so it can be fixed where it is.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { seedScreens, walkScreens, type Language } from './harness/screens';

/** Both schemes, and both languages between them (text length changes layout, not colours). */
const SCHEMES = [
  ['light', 'nl'],
  ['dark', 'en'],
] as const satisfies readonly (readonly ['light' | 'dark', Language])[];

for (const [colorScheme, language] of SCHEMES) {
  test(`no serious or critical axe finding on any screen (${colorScheme}, ${language})`, async ({ page, host }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await seedScreens(host, language);
    const findings: string[] = [];
    await walkScreens(page, host, language, async (screen) => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      for (const violation of result.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        const targets = violation.nodes.map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.split('\n').slice(1).join(' ').trim()})` : ''}`);
        findings.push(`${screen}: ${violation.id} [${violation.impact}] ${targets.join('; ')}`);
      }
    });
    expect(findings).toEqual([]);
  });
}
