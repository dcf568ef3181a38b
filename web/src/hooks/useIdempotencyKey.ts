import { useMemo } from 'react';

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An idempotency key for a request with this content: the same while the content stays the
 * same (a double click or a retry after a lost answer makes one request), a new one when it
 * changes.
 */
export function useIdempotencyKey(content: string): string {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new key exactly when the content changes
  return useMemo(() => newKey(), [content]);
}
