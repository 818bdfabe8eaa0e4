import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { FileOpener, FileOpenRequest, OpenFileOutcome } from '../services/ports';

/**
 * The native open dialog for imports (user list, review file). The file is read whole, but only after
 * its size is checked against the caller's cap, through one descriptor so the size checked is the size read.
 */
export class DialogFileOpener implements FileOpener {
  private readonly dialog: Pick<Dialog, 'showOpenDialog'>;
  private readonly parentWindow: () => BrowserWindow | null;

  constructor(dialog: Pick<Dialog, 'showOpenDialog'>, parentWindow: () => BrowserWindow | null = () => null) {
    this.dialog = dialog;
    this.parentWindow = parentWindow;
  }

  async open(request: FileOpenRequest): Promise<OpenFileOutcome> {
    const options = { filters: request.filters, properties: ['openFile' as const] };
    const parent = this.parentWindow();
    const result = parent ? await this.dialog.showOpenDialog(parent, options) : await this.dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return { status: 'cancelled' };
    return readCapped(path, request.maxBytes);
  }
}

/** Reads `path` when it is at most `maxBytes`; a bigger file is not read at all. */
export function readCapped(path: string, maxBytes: number): OpenFileOutcome {
  const fileName = basename(path);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { status: 'too_large', fileName, size };
    const content = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const read = readSync(fd, content, offset, size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return { status: 'opened', fileName, content: content.subarray(0, offset) };
  } finally {
    closeSync(fd);
  }
}
