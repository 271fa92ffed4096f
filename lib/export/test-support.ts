/**
 * The board the lib/export tests start from. Test-only: nothing in the app imports this file.
 */
import { chooseRelationshipType, linkNotes } from '../doc';
import { addRelationshipNotes, newBoard } from '../doc/test-support';

/**
 * A relationship note ("Email support", typed `remote`) linked to the channel "Email" and the
 * segment "Freelancers"; the channel "Shop" and the key partner "Bank" are left unlinked.
 */
export function relationshipBoard() {
  const doc = newBoard();
  const ids = addRelationshipNotes(doc);
  chooseRelationshipType(doc, ids.rel, 'remote');
  linkNotes(doc, ids.rel, ids.email);
  linkNotes(doc, ids.rel, ids.segment);
  return { doc, ids };
}
