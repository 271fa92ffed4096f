'use client';

/**
 * Who is on the board: coloured initials with the name as tooltip, at most
 * MAX_VISIBLE_AVATARS of them and "+N" for the rest. Screen readers get the whole list,
 * every name included, from the same <ul>.
 */
import { initialsOf } from '@/lib/identity';
import { useI18n } from '@/lib/react/i18n';
import styles from './presence-avatars.module.css';

export interface PresencePerson {
  /** Stable per browser (lib/identity); one person in two tabs appears once. */
  id: string;
  name: string;
  /** CSS colour of their avatar and cursor. */
  color: string;
  isSelf: boolean;
}

export const MAX_VISIBLE_AVATARS = 6;

/** One entry per id, yourself first; the order of the others is kept. */
export function distinctPeople(people: readonly PresencePerson[]): PresencePerson[] {
  const byId = new Map<string, PresencePerson>();
  for (const person of people) {
    const seen = byId.get(person.id);
    byId.set(person.id, seen ? { ...seen, isSelf: seen.isSelf || person.isSelf } : person);
  }
  const all = [...byId.values()];
  return [...all.filter((p) => p.isSelf), ...all.filter((p) => !p.isSelf)];
}

export function PresenceAvatars({ people }: { people: readonly PresencePerson[] }) {
  const { t } = useI18n();
  const everyone = distinctPeople(people);
  const hidden = everyone.slice(MAX_VISIBLE_AVATARS);
  const labelOf = (person: PresencePerson) =>
    person.isSelf ? t('presence.you', { name: person.name }) : person.name;

  return (
    <div className={styles.presence}>
      <ul className={styles.list} aria-label={t('presence.label')} data-testid="presence-list">
        {everyone.map((person, index) => (
          <li
            key={person.id}
            className={index < MAX_VISIBLE_AVATARS ? styles.item : 'visually-hidden'}
            data-testid="presence-item"
            data-self={person.isSelf || undefined}
          >
            <span
              className={styles.avatar}
              style={{ backgroundColor: person.color }}
              title={labelOf(person)}
              aria-hidden="true"
            >
              {initialsOf(person.name)}
            </span>
            <span className="visually-hidden">{labelOf(person)}</span>
          </li>
        ))}
      </ul>
      {hidden.length > 0 ? (
        <span
          className={`${styles.avatar} ${styles.overflow}`}
          title={t('presence.more', {
            count: hidden.length,
            names: hidden.map((person) => person.name).join(', '),
          })}
          aria-hidden="true"
        >
          +{hidden.length}
        </span>
      ) : null}
    </div>
  );
}
