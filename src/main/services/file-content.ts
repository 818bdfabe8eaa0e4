import type { FileSink, FileToSave } from './ports';

/**
 * Feeds a file's content into `sink`: the given content at once, or whatever its producer writes.
 * For `FileSaver` implementations. (Its own module, not in ports.ts: the bench loads the file saver
 * with Node's type stripping, which cannot load ports.ts.)
 */
export async function writeFileContent(file: FileToSave, sink: FileSink): Promise<void> {
  if ('content' in file) sink.write(file.content);
  else await file.write(sink);
}
