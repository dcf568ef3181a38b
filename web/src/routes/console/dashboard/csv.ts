import type { Period } from './period';

/**
 * Downloads the service report as CSV (`/reports/service.csv`, which wants the bearer token,
 * so it is fetched and handed to the browser as a file).
 */
export async function downloadServiceCsv(
  token: string,
  period: Period,
  compareWith: Period | null,
): Promise<void> {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  if (compareWith) {
    query.set('compareFrom', compareWith.from);
    query.set('compareTo', compareWith.to);
  }
  const response = await fetch(`/reports/service.csv?${query.toString()}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`the report answered ${response.status}`);
  save(await response.blob(), `dienstverlening-${period.from}-${period.to}.csv`);
}

/** Hands `blob` to the browser as the file `name`. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the comparison of municipalities for `period` as CSV (`/reports/benchmark.csv`). */
export async function downloadBenchmarkCsv(token: string, period: string): Promise<void> {
  const query = new URLSearchParams({ period });
  const response = await fetch(`/reports/benchmark.csv?${query.toString()}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`the comparison answered ${response.status}`);
  save(await response.blob(), `vergelijking-${period}.csv`);
}
