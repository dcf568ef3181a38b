// Which of the portal's forms a product page offers. The product's own data decides most: a
// transaction with a case type that can be asked for online leads to the request form, a
// product at the counter by appointment to the appointment form. The catalogue has no field
// naming any other form, so the products whose form is another one are listed here, once, by
// their code in the national catalogue (tenants/_default/catalog.toml), which every
// municipality shares.

export const PRODUCT_FORMS = ['request', 'appointment', 'report'] as const;
export type ProductForm = (typeof PRODUCT_FORMS)[number];

/** Products of the national catalogue whose own form is not named by their data. */
const FORM_BY_PRODUCT: Readonly<Record<string, ProductForm>> = {
  'melding-openbare-ruimte': 'report',
};

export interface ProductFacts {
  code: string;
  kind: string;
  caseType?: string | null;
  channels: readonly string[];
}

/** The forms a product's page links to, most used first, each with its path in the portal. */
export function productForms(product: ProductFacts): { form: ProductForm; to: string }[] {
  const code = encodeURIComponent(product.code);
  const forms: { form: ProductForm; to: string }[] = [];
  const named = FORM_BY_PRODUCT[product.code];
  if (named === 'report') forms.push({ form: 'report', to: '/melding' });
  if (product.channels.includes('COUNTER_BY_APPOINTMENT')) {
    forms.push({ form: 'appointment', to: `/afspraak?product=${code}` });
  }
  if (product.kind === 'TRANSACTION' && product.caseType && product.channels.includes('ONLINE')) {
    forms.push({ form: 'request', to: `/aanvragen?product=${code}` });
  }
  return forms;
}
