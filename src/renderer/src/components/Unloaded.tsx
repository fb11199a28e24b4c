// What a view shows while its query has no answer: the load error with "Try again", else the spinner.
import type { UseQueryResult } from '@tanstack/react-query';
import { queryError } from '../state/queries';
import { LoadFailed } from './LoadFailed';
import { Loading } from './Loading';

interface UnloadedProps {
  query: UseQueryResult<unknown>;
  /** "The data flows could not be loaded". */
  title: string;
  /** What the spinner says. */
  label?: string;
  /** A class for a box around the error, where the view pads it. */
  frame?: string;
}

export function Unloaded({ query, title, label, frame }: UnloadedProps) {
  const error = queryError(query);
  if (error === null) return <Loading label={label} />;
  const failed = (
    <LoadFailed title={title} onRetry={() => void query.refetch()}>
      {error}
    </LoadFailed>
  );
  return frame ? <div className={frame}>{failed}</div> : failed;
}
