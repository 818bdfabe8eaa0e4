import { closeSync, fchmodSync, openSync, rmSync, writeSync } from 'node:fs';
import type { BrowserWindow, Dialog } from 'electron';
import { writeFileContent } from '../services/file-content';
import type { FileSaver, FileSink, FileToSave, SaveFileOutcome } from '../services/ports';

/**
 * Owner read/write only, like the vault file (its SECRET_FILE_MODE; not imported from there, since
 * the bench loads this file with Node's type stripping, which cannot load vault-file.ts).
 */
const EXPORT_FILE_MODE = 0o600;

/** Text is gathered up to this many characters before it goes to the file: few system calls, flat memory. */
const FLUSH_CHARS = 64 * 1024;

/**
 * Saves exports through the native save dialog. The dialog comes first and the content is produced
 * only once a path is chosen (nothing at all when the admin cancels), then streamed to the file in
 * chunks. Files get mode 0600: exports describe the admin's provider setup and are nobody else's
 * business on a shared machine.
 */
export class DialogFileSaver implements FileSaver {
  // Plain fields, not parameter properties: the bench loads this file with Node's type stripping.
  private readonly dialog: Pick<Dialog, 'showSaveDialog'>;
  private readonly parentWindow: () => BrowserWindow | null;

  constructor(dialog: Pick<Dialog, 'showSaveDialog'>, parentWindow: () => BrowserWindow | null = () => null) {
    this.dialog = dialog;
    this.parentWindow = parentWindow;
  }

  async save(file: FileToSave): Promise<SaveFileOutcome> {
    const options = { defaultPath: file.suggestedName, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
    const parent = this.parentWindow();
    const result = parent ? await this.dialog.showSaveDialog(parent, options) : await this.dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { status: 'cancelled' };
    await writeFileStreamed(result.filePath, file);
    return { status: 'saved', path: result.filePath };
  }
}

/**
 * Writes `file`'s content to `path` with mode 0600, chunk by chunk. On any failure (the file cannot
 * be opened, a write fails, the producer throws) the partial file is removed and the error rethrown.
 */
export async function writeFileStreamed(path: string, file: FileToSave): Promise<void> {
  const fd = openSync(path, 'w', EXPORT_FILE_MODE);
  try {
    // `mode` only applies when the file is created; an overwritten file keeps its old mode otherwise.
    // Set before any content is written, so it is never readable by others, not even for a moment.
    fchmodSync(fd, EXPORT_FILE_MODE);
    const sink = new ChunkedFileSink(fd);
    await writeFileContent(file, sink);
    sink.flush();
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
}

class ChunkedFileSink implements FileSink {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(fd: number) {
    this.fd = fd;
  }

  write(chunk: string | Uint8Array): void {
    if (typeof chunk !== 'string') {
      this.flush();
      writeAll(this.fd, chunk);
      return;
    }
    this.pending.push(chunk);
    this.pendingChars += chunk.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    writeAll(this.fd, Buffer.from(text, 'utf8'));
  }
}

/** `writeSync` may write fewer bytes than asked (a full pipe, a signal); go on until all are out. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
