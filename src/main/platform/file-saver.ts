import { chmodSync, writeFileSync } from 'node:fs';
import type { BrowserWindow, Dialog } from 'electron';
import type { FileSaver, SaveFileOutcome } from '../services/ports';
import { SECRET_FILE_MODE } from '../services/vault/vault-file';

/**
 * Saves exports through the native save dialog. Files get mode 0600: exports describe the admin's
 * provider setup and are nobody else's business on a shared machine.
 */
export class DialogFileSaver implements FileSaver {
  constructor(
    private readonly dialog: Pick<Dialog, 'showSaveDialog'>,
    private readonly parentWindow: () => BrowserWindow | null = () => null,
  ) {}

  async save(file: { suggestedName: string; mimeType: string; content: string | Uint8Array }): Promise<SaveFileOutcome> {
    const options = { defaultPath: file.suggestedName, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
    const parent = this.parentWindow();
    const result = parent ? await this.dialog.showSaveDialog(parent, options) : await this.dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { status: 'cancelled' };
    writeFileSync(result.filePath, file.content, { mode: SECRET_FILE_MODE });
    // `mode` only applies when the file is created; an overwritten file keeps its old mode otherwise.
    chmodSync(result.filePath, SECRET_FILE_MODE);
    return { status: 'saved', path: result.filePath };
  }
}
