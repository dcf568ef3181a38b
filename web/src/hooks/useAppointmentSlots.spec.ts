import { addDays, localDay } from './useAppointmentSlots';

describe('the days of appointment slots', () => {
  it('takes today in Amsterdam, not in UTC', () => {
    expect(localDay(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-08');
    expect(localDay(new Date('2026-12-07T22:30:00Z'))).toBe('2026-12-07');
  });

  it('counts days across months and the clock change', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });
});
