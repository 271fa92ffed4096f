'use client';

/** ES | EN: two toggle buttons that switch the interface language and remember the choice. */
import { LOCALES, type Locale } from '@/lib/i18n/locale';
import { useI18n } from '@/lib/react/i18n';
import styles from './language-switch.module.css';

const LANGUAGE_NAME_KEY = { en: 'language.en', es: 'language.es' } as const;

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const order: readonly Locale[] = [...LOCALES].reverse(); // ES | EN, as drawn in UX.md
  return (
    <div
      role="group"
      aria-label={t('language.label')}
      className={styles.switch}
      data-testid="language-switch"
    >
      {order.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className={styles.option}
          aria-pressed={option === locale}
          aria-label={t(LANGUAGE_NAME_KEY[option])}
          title={t(LANGUAGE_NAME_KEY[option])}
          data-testid={`lang-${option}`}
          onClick={() => setLocale(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
