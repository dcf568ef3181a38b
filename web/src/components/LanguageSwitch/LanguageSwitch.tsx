import { forwardRef, type HTMLAttributes } from 'react';
import { useIntl } from 'react-intl';

/** Each language's name in that language, as language switches show them. */
const AUTONYMS: Record<string, string> = { nl: 'Nederlands', en: 'English', de: 'Deutsch' };

export interface LanguageSwitchProps extends Omit<HTMLAttributes<HTMLElement>, 'onChange'> {
  languages: readonly string[];
  current: string;
  onChange: (language: string) => void;
}

/** Buttons to switch the app's language, each named in its own language. */
export const LanguageSwitch = forwardRef<HTMLElement, LanguageSwitchProps>(function LanguageSwitch(
  { languages, current, onChange, className, ...props },
  ref,
) {
  const intl = useIntl();
  if (languages.length < 2) return null;
  return (
    <nav
      ref={ref}
      aria-label={intl.formatMessage({
        id: 'language.label',
        defaultMessage: 'Taal',
        description: 'Accessible name of the language switch',
      })}
      className={['loket-language-switch', className].filter(Boolean).join(' ')}
      {...props}
    >
      <ul className="loket-language-switch__list">
        {languages.map((language) => (
          <li key={language}>
            <button
              type="button"
              lang={language}
              aria-pressed={language === current}
              className="utrecht-button utrecht-button--subtle loket-language-switch__button"
              onClick={() => onChange(language)}
            >
              {AUTONYMS[language] ?? language}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
