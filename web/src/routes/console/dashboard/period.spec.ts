import { benchmarkPeriod, lastMonth, periodsFrom } from './period';

describe('report periods', () => {
  it('defaults to the last full month, across a year end', () => {
    expect(lastMonth(new Date(2026, 11, 6))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastMonth(new Date(2027, 0, 15))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastMonth(new Date(2028, 2, 1))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('reads the periods from the URL and ignores what is not a date', () => {
    const read = (query: string) => periodsFrom(new URLSearchParams(query));
    expect(read('van=2025-03-01&tot=2025-03-31')).toEqual({
      period: { from: '2025-03-01', to: '2025-03-31' },
      compareWith: null,
    });
    expect(
      read('van=2025-03-01&tot=2025-03-31&vergelijk-van=2024-03-01&vergelijk-tot=2024-03-31'),
    ).toMatchObject({ compareWith: { from: '2024-03-01', to: '2024-03-31' } });
    expect(read('van=gisteren&tot=2025-03-31').period).toEqual(lastMonth());
  });
});

describe('benchmarkPeriod', () => {
  it('names a whole year, a whole month, or the month a period ends in', () => {
    expect(benchmarkPeriod({ from: '2025-01-01', to: '2025-12-31' })).toBe('2025');
    expect(benchmarkPeriod({ from: '2026-11-01', to: '2026-11-30' })).toBe('2026-11');
    expect(benchmarkPeriod({ from: '2026-10-15', to: '2026-11-14' })).toBe('2026-11');
  });
});
