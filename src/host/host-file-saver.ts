import { randomBytes } from 'node:crypto';
import { writeFileContent } from '../main/services/file-content';
import type { FileSaver, FileToSave, SaveFileOutcome } from '../main/services/ports';

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

  /** There is no dialog to wait for here: the content is produced at once and kept for the download. */
  async save(file: FileToSave): Promise<SaveFileOutcome> {
    const content = await collectContent(file);
    this.dropExpired();
    const id = randomBytes(16).toString('hex');
    this.pending.set(id, {
      fileName: file.suggestedName,
      mimeType: file.mimeType,
      content,
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

/** The whole content as one string, or as bytes when the producer wrote any bytes. */
async function collectContent(file: FileToSave): Promise<string | Uint8Array> {
  const chunks: Array<string | Uint8Array> = [];
  await writeFileContent(file, { write: (chunk) => void chunks.push(chunk) });
  if (chunks.every((chunk): chunk is string => typeof chunk === 'string')) return chunks.join('');
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)));
}
