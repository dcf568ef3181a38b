import { productForms } from './productForms';

describe('productForms', () => {
  it('offers the request form for an online transaction and the appointment form at the counter', () => {
    expect(
      productForms({
        code: 'rijbewijs',
        kind: 'TRANSACTION',
        caseType: 'driving-licence',
        channels: ['ONLINE', 'COUNTER_BY_APPOINTMENT'],
      }),
    ).toEqual([
      { form: 'appointment', to: '/afspraak?product=rijbewijs' },
      { form: 'request', to: '/aanvragen?product=rijbewijs' },
    ]);
  });

  it('offers the report form for the catalogue’s report product', () => {
    expect(
      productForms({ code: 'melding-openbare-ruimte', kind: 'INFORMATION', channels: ['ONLINE'] }),
    ).toEqual([{ form: 'report', to: '/melding' }]);
  });

  it('offers nothing for information without a form', () => {
    expect(
      productForms({ code: 'afvalkalender', kind: 'INFORMATION', channels: ['ONLINE'] }),
    ).toEqual([]);
  });
});
