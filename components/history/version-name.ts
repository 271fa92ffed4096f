import type { VersionMeta } from '@/lib/api/snapshots';
import type { MessageKey } from '@/lib/i18n/messages';

/** The message naming a version's kind ("Saved by hand", "End of a session", …). */
export function versionKindKey(version: VersionMeta): MessageKey {
  return `history.kind.${version.kind}`;
}

/**
 * What a version is called on screen: the name someone gave it, or, for an automatic one
 * (whose stored name is English for API clients), its kind in the reader's language.
 */
export function versionLabel(version: VersionMeta, t: (key: MessageKey) => string): string {
  return version.kind === 'manual' ? version.name : t(versionKindKey(version));
}
