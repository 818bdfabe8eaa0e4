import type { BrowserWindow, Dialog } from 'electron';
import type { ReportPrinter } from '../services/ports';
import { writeFileStreamed } from './file-saver';

/**
 * The printable review report in the desktop app: the window's current page (the renderer switches the
 * Review page to its print layout before it asks) through Chromium's print-to-PDF, saved where the admin
 * chooses, mode 0600 like every export.
 */
export class WindowReportPrinter implements ReportPrinter {
  private readonly dialog: Pick<Dialog, 'showSaveDialog'>;
  private readonly window: () => BrowserWindow | null;

  constructor(dialog: Pick<Dialog, 'showSaveDialog'>, window: () => BrowserWindow | null) {
    this.dialog = dialog;
    this.window = window;
  }

  async savePdf(suggestedName: string): Promise<{ status: 'saved'; path: string } | { status: 'cancelled' }> {
    const window = this.window();
    if (!window) return { status: 'cancelled' };
    const options = {
      defaultPath: suggestedName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const result = await this.dialog.showSaveDialog(window, options);
    if (result.canceled || !result.filePath) return { status: 'cancelled' };
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', generateTaggedPDF: true });
    // Mode 0600 before any byte is written, also over an existing file (see writeFileStreamed).
    await writeFileStreamed(result.filePath, { suggestedName, mimeType: 'application/pdf', content: pdf });
    return { status: 'saved', path: result.filePath };
  }
}
