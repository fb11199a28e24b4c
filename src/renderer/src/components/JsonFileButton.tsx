import { useRef, type ReactNode } from 'react';

/** A button that opens the file picker for one JSON file and hands the file over (the picker itself stays out of the tab order). */
export function JsonFileButton({ children, fileLabel, className = 'btn', disabled, onFile }: { children: ReactNode; fileLabel: string; className?: string; disabled?: boolean; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={fileLabel}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
