import { useRef } from 'react';
import { useAppStore } from '../../app/app-store';
import { Button } from '../../components';
import { uploadSource, type FileSource } from './file-source';

export interface OpenFileButtonProps {
  label: string;
  /** File types the browser's chooser offers, e.g. `.csv,.xlsx`. */
  accept: string;
  maxBytes: number;
  busy?: boolean;
  disabled?: boolean;
  variant?: 'primary' | 'secondary';
  onSource: (source: FileSource) => void;
  onTooLarge: () => void;
}

/**
 * Opens a file: in the desktop app main shows the native open dialog (`source: 'dialog'`); the browser
 * host has none, so the button opens the browser's file chooser and the page uploads the file's bytes.
 * Either way the control is one button with the given name.
 */
export function OpenFileButton({ label, accept, maxBytes, busy, disabled, variant = 'secondary', onSource, onTooLarge }: OpenFileButtonProps) {
  const inBrowser = useAppStore((s) => s.info?.host === 'browser');
  const inputRef = useRef<HTMLInputElement>(null);

  async function onFile(file: File | undefined) {
    if (!file) return;
    const source = await uploadSource(file, maxBytes);
    if ('tooLarge' in source) onTooLarge();
    else onSource(source);
  }

  return (
    <>
      <Button variant={variant} busy={busy} disabled={disabled} onClick={() => (inBrowser ? inputRef.current?.click() : onSource({ source: 'dialog' }))}>
        {label}
      </Button>
      {inBrowser ? (
        <input
          ref={inputRef}
          type="file"
          accept={accept}
          hidden
          tabIndex={-1}
          aria-hidden="true"
          aria-label={label}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so choosing the same file again is a new choice.
            e.target.value = '';
            void onFile(file);
          }}
        />
      ) : null}
    </>
  );
}
