import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DialogFileSaver } from '../../../src/main/platform/file-saver';
import { dialog, fake } from '../fake-electron';

describe('DialogFileSaver', () => {
  beforeEach(() => fake.reset());

  it('writes the chosen file with mode 0600, also over an existing world-readable file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'saver-')), 'review.html');
    writeFileSync(path, 'old', { mode: 0o644 });
    fake.setNextSavePath(path);
    const outcome = await new DialogFileSaver(dialog).save({ suggestedName: 'review.html', mimeType: 'text/html', content: '<p>x</p>' });
    expect(outcome).toEqual({ status: 'saved', path });
    expect(readFileSync(path, 'utf8')).toBe('<p>x</p>');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reports a cancelled dialog', async () => {
    fake.setNextSavePath(undefined);
    expect(await new DialogFileSaver(dialog).save({ suggestedName: 'a.txt', mimeType: 'text/plain', content: 'x' })).toEqual({ status: 'cancelled' });
  });
});
