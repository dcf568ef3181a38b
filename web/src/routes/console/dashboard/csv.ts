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
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `dienstverlening-${period.from}-${period.to}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
