import { Checkbox } from '@utrecht/component-library-react';

export interface ProductChecksProps {
  /** The products to choose from, in the order shown. */
  products: readonly { code: string; name: string }[];
  /** The codes chosen. */
  selected: ReadonlySet<string>;
  /** Called with the codes chosen after a box was ticked or cleared. */
  onChange: (next: ReadonlySet<string>) => void;
  /** Prefix of each checkbox's id, unique on the page. */
  idPrefix: string;
}

/** One checkbox per product (names are Dutch), for inside a `ChoiceGroup`. */
export function ProductChecks({ products, selected, onChange, idPrefix }: ProductChecksProps) {
  return products.map((p) => (
    <div key={p.code} className="loket-choice">
      <Checkbox
        id={`${idPrefix}-${p.code}`}
        name="products"
        value={p.code}
        checked={selected.has(p.code)}
        onChange={(e) => {
          const next = new Set(selected);
          if (e.target.checked) next.add(p.code);
          else next.delete(p.code);
          onChange(next);
        }}
      />
      <label
        htmlFor={`${idPrefix}-${p.code}`}
        className="utrecht-form-label utrecht-form-label--checkbox"
        lang="nl"
      >
        {p.name}
      </label>
    </div>
  ));
}
