'use client';

/**
 * The home page: what Lienzo is, a form to start a board, and the boards opened before in
 * this browser. There are no accounts: a board's link is the way back to it.
 */
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { NOTE_COLORS, type NoteColor } from '@/lib/model/colors';
import { useI18n } from '@/lib/react/i18n';
import { ExampleBoardButton } from './example-board-button';
import { ImportBoardButton } from './import-board-button';
import { NewBoardForm } from './new-board-form';
import { RecentBoardList } from './recent-board-list';
import styles from './home-page.module.css';

/** The mark next to the language switch: three notes, drawn from the note palette. */
const LOGO_COLORS: readonly NoteColor[] = ['yellow', 'blue', 'pink'];

export function HomePage() {
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.logo} aria-hidden="true">
          {LOGO_COLORS.map((color) => (
            <span key={color} style={{ backgroundColor: NOTE_COLORS[color] }} />
          ))}
        </div>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>
        <div className={styles.intro}>
          <h1 className={styles.name}>{t('app.name')}</h1>
          <p className={styles.tagline}>{t('app.tagline')}</p>
        </div>
        <NewBoardForm />
        <ExampleBoardButton />
        <ImportBoardButton />
        <RecentBoardList />
      </main>
    </div>
  );
}
