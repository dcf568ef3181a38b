// Small formatting helpers shared by screens. Texts a resident reads belong in the message
// catalogues; these only put data together.

/** A space between inline elements (the catalogue rule allows no literal text in JSX). */
export const SPACE = ' ';

export interface AddressParts {
  street: string;
  houseNumber: number;
  letter?: string | null;
  addition?: string | null;
  postcode?: string;
  city?: string;
}

/** `Dorpsstraat 12A-2`, with `, 1234 AB Ergenshuizen` when the postcode and city are given. */
export function formatAddress(a: AddressParts): string {
  const number = `${a.houseNumber}${a.letter ?? ''}${a.addition ? `-${a.addition}` : ''}`;
  const street = `${a.street} ${number}`;
  return a.postcode && a.city ? `${street}, ${a.postcode} ${a.city}` : street;
}
