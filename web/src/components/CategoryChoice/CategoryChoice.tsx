import { FormFieldDescription, RadioButton } from '@utrecht/component-library-react';
import { forwardRef, useId, type FieldsetHTMLAttributes, type ReactNode } from 'react';

import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { ChoiceGroup } from '../ChoiceGroup';

export const CategoryChoiceFragment = graphql(`
  fragment CategoryChoice_ReportCategory on ReportCategory {
    code
    name
    group
    groupName
    description
  }
`);

export interface CategoryChoiceProps extends Omit<
  FieldsetHTMLAttributes<HTMLFieldSetElement>,
  'onChange'
> {
  legend: ReactNode;
  /** The categories, in the order shown (Loket gives them by main category). */
  categories: readonly FragmentType<typeof CategoryChoiceFragment>[];
  /** The chosen category's code, or `''`. */
  value: string;
  onChange: (code: string) => void;
  description?: ReactNode;
  error?: ReactNode;
}

/**
 * The categories of reports about public space as radio buttons, grouped under their main
 * category, each with what it is for.
 */
export const CategoryChoice = forwardRef<HTMLFieldSetElement, CategoryChoiceProps>(
  function CategoryChoice(
    { legend, categories: refs, value, onChange, description, error, className, ...props },
    ref,
  ) {
    const id = useId();
    const categories = refs.map((c) => getFragmentData(CategoryChoiceFragment, c));
    const groups: { code: string; name: string; members: typeof categories }[] = [];
    for (const c of categories) {
      const group = groups.find((g) => g.code === c.group);
      if (group) group.members.push(c);
      else groups.push({ code: c.group, name: c.groupName, members: [c] });
    }
    return (
      <ChoiceGroup
        ref={ref}
        legend={legend}
        description={description}
        error={error}
        className={['loket-category-choice', className].filter(Boolean).join(' ')}
        {...props}
      >
        {groups.map((g) => (
          <fieldset
            key={g.code}
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-category-choice__group"
          >
            <legend
              className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend loket-category-choice__group-name"
              lang="nl"
            >
              {g.name}
            </legend>
            <div className="loket-choices__options">
              {g.members.map((c) => {
                const optionId = `${id}-${c.code}`;
                return (
                  <div key={c.code} className="loket-choice">
                    <RadioButton
                      id={optionId}
                      name="category"
                      value={c.code}
                      checked={value === c.code}
                      aria-describedby={c.description ? `${optionId}-description` : undefined}
                      onChange={() => onChange(c.code)}
                    />
                    <div>
                      <label
                        htmlFor={optionId}
                        className="utrecht-form-label utrecht-form-label--radio"
                        lang="nl"
                      >
                        {c.name}
                      </label>
                      {c.description && (
                        <FormFieldDescription id={`${optionId}-description`} lang="nl">
                          {c.description}
                        </FormFieldDescription>
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </ChoiceGroup>
    );
  },
);
