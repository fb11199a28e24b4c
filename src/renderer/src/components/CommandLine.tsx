// A command the analyst can run in a terminal, with a copy button.
import { useEffect, useState } from 'react';
import { CheckIcon, CopyIcon } from './icons';

export function CommandLine({ command, label }: { command: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(null), 1600);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="command" aria-label={label}>
      <code>
        <span className="prompt">$ </span>
        {command.split(/(<[^<>\s]+>)/).map((part, index) =>
          /^<[^<>\s]+>$/.test(part) ? (
            <span key={index} className="command-placeholder">
              {part}
            </span>
          ) : (
            part
          ),
        )}
      </code>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={copy}
        title={copied === 'failed' ? 'Copying is not allowed here: select the text instead' : 'Copy to the clipboard'}
        aria-label={copied === 'yes' ? 'Copied' : `Copy command: ${command}`}
      >
        {copied === 'yes' ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select to copy' : 'Copy'}
      </button>
    </div>
  );
}
