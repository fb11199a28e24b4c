// The window's one query cache. Answers come from this computer (the desktop bridge or the local web
// host), so a query runs whatever the network status says and a refusal is shown at once rather than
// retried. An answer is read again when a view showing it appears, when a write invalidates it, or on
// Refresh — not on window focus — and kept for as long as the page lives (opening a workspace drops them).
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, gcTime: Infinity },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
