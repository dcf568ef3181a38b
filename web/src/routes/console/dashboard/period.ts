// The periods a report covers: as the URL keeps them, and the default (the last full month).

export interface Period {
  from: string;
  to: string;
}

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The last full calendar month before `today`. */
export function lastMonth(today: Date = new Date()): Period {
  const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  const last = new Date(today.getFullYear(), today.getMonth(), 0);
  return { from: iso(first), to: iso(last) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period and the comparison period in the URL (`van`, `tot`, `vergelijk-van`, `vergelijk-tot`). */
export function periodsFrom(params: URLSearchParams): {
  period: Period;
  compareWith: Period | null;
} {
  const get = (name: string) => {
    const value = params.get(name);
    return value && DATE.test(value) ? value : null;
  };
  const from = get('van');
  const to = get('tot');
  const compareFrom = get('vergelijk-van');
  const compareTo = get('vergelijk-tot');
  return {
    period: from && to ? { from, to } : lastMonth(),
    compareWith: compareFrom && compareTo ? { from: compareFrom, to: compareTo } : null,
  };
}

/**
 * The comparison period for a report period: the calendar year or month it covers exactly,
 * otherwise the month it ends in (`2026` or `2026-11`, as the comparison names periods).
 */
export function benchmarkPeriod(period: Period): string {
  const [fromYear, fromMonth, fromDay] = period.from.split('-');
  const [toYear = '', toMonth = '', toDay = ''] = period.to.split('-');
  if (
    fromYear === toYear &&
    fromMonth === '01' &&
    fromDay === '01' &&
    toMonth === '12' &&
    toDay === '31'
  ) {
    return toYear;
  }
  return `${toYear}-${toMonth}`;
}
