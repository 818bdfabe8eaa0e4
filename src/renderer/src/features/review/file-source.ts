/**
 * Where a file the admin opens comes from: the desktop app shows the native open dialog (main reads the
 * file), the browser host has no such dialog, so the page reads the chosen file and uploads it base64.
 */
export type FileSource = { source: 'dialog' } | { source: 'upload'; fileName: string; contentBase64: string };

/** Base64 of a byte array, in chunks so a file of megabytes does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Reads a file chosen in a file input as an upload; refuses one over `maxBytes` before reading it. */
export async function uploadSource(file: File, maxBytes: number): Promise<FileSource | { tooLarge: true }> {
  if (file.size > maxBytes) return { tooLarge: true };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { source: 'upload', fileName: file.name, contentBase64: toBase64(bytes) };
}
