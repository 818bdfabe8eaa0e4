/**
 * Scroll scaling for very long tables. Browsers cap how tall an element may be (Chromium ≈ 33.5 million
 * px, Firefox ≈ 17.9 million), and 1,000,000 rows of 40 px need 40 million. Above `MAX_SCROLL_HEIGHT`
 * the scroll area stays at that height and one real pixel of scrolling stands for `ratio` pixels of
 * the table: the scrollbar still spans every row, and the end of the scroll is the last row.
 */

/** Tallest scroll area the table makes; below every browser's limit. */
export const MAX_SCROLL_HEIGHT = 15_000_000;

/**
 * Table pixels per scrolled pixel. Chosen so the first and last positions line up exactly:
 * real offset `MAX - viewport` shows the last rows.
 */
export function scrollRatio(virtualSize: number, viewport: number): number {
  if (virtualSize <= MAX_SCROLL_HEIGHT) return 1;
  const v = Math.max(0, Math.min(viewport, MAX_SCROLL_HEIGHT - 1));
  return (virtualSize - v) / (MAX_SCROLL_HEIGHT - v);
}

/** Height of the scroll area for a table of `virtualSize` pixels. */
export function scrollHeight(virtualSize: number): number {
  return Math.min(virtualSize, MAX_SCROLL_HEIGHT);
}

/**
 * The real `scrollTop` that brings the row spanning `top..top+rowHeight` (table pixels) into a viewport
 * of `viewport` px, moving as little as possible; null when it is already fully in view.
 */
export function scrollTopToReveal(
  top: number,
  rowHeight: number,
  viewport: number,
  realScrollTop: number,
  ratio: number,
): number | null {
  const offset = realScrollTop * ratio;
  if (top < offset) return Math.floor(top / ratio);
  if (top + rowHeight > offset + viewport) return Math.ceil((top + rowHeight - viewport) / ratio);
  return null;
}
