import { filterFrom } from './ProcessingLogPage';

const NONE = { bsn: '', operation: '', actorSubject: '', from: '', to: '' };

describe('filterFrom', () => {
  it('sends only the fields given, trimmed', () => {
    expect(filterFrom(NONE)).toEqual({});
    expect(filterFrom({ ...NONE, bsn: ' 999993653 ', operation: 'person' })).toEqual({
      bsn: '999993653',
      operation: 'person',
    });
  });

  it('reads the period as whole days: from its first midnight to the midnight after the last', () => {
    const filter = filterFrom({ ...NONE, from: '2026-03-10', to: '2026-03-12' });
    const from = new Date(filter.from ?? '');
    const to = new Date(filter.to ?? '');
    expect([from.getDate(), from.getHours(), from.getMinutes()]).toEqual([10, 0, 0]);
    expect([to.getDate(), to.getHours(), to.getMinutes()]).toEqual([13, 0, 0]);
  });
});
