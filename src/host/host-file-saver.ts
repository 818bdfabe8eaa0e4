import { randomBytes } from 'node:crypto';
import type { FileSaver, SaveFileOutcome } from '../main/services/ports';

interface PendingDownload {
  fileName: string;
  mimeType: string;
  content: string | Uint8Array;
  expiresAt: number;
}

const DOWNLOAD_LIFETIME_MS = 5 * 60_000;

/**
 * The browser host has no native save dialog: an export is kept in memory under a random id and
 * offered once as a download (`GET /download/<id>`, behind the same token as everything else).
 */
export class HostFileSaver implements FileSaver {
  private readonly pending = new Map<string, PendingDownload>();

  constructor(private readonly now: () => number = Date.now) {}

  async save(file: { suggestedName: string; mimeType: string; content: string | Uint8Array }): Promise<SaveFileOutcome> {
    this.dropExpired();
    const id = randomBytes(16).toString('hex');
    this.pending.set(id, {
      fileName: file.suggestedName,
      mimeType: file.mimeType,
      content: file.content,
      expiresAt: this.now() + DOWNLOAD_LIFETIME_MS,
    });
    return { status: 'download', url: `/download/${id}` };
  }

  /** Hands a download out once; a second request for the same id finds nothing. */
  take(id: string): PendingDownload | undefined {
    this.dropExpired();
    const download = this.pending.get(id);
    this.pending.delete(id);
    return download;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [id, download] of this.pending) if (download.expiresAt <= now) this.pending.delete(id);
  }
}
