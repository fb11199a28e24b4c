// The page action every area shows: read the workspace file again.
import { RefreshIcon } from './icons';

export function RefreshButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="btn" onClick={onClick} title="Read the workspace file again">
      <RefreshIcon />
      Refresh
    </button>
  );
}
