import { QueryClient } from '@tanstack/react-query';

const statusOf = (error: unknown): number | undefined => (error as { status?: number } | null)?.status;

/**
 * Retry what may pass on a second try (network, 5xx, 429) — never a 4xx answer: a refusal (403),
 * a conflict (409) or a missing record stays what it is, and retrying only delays showing it.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => {
        const status = statusOf(error);
        return failures < 2 && (status === undefined || status >= 500 || status === 429);
      },
    },
  },
});
