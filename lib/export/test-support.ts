/**
 * The board the lib/export tests start from. Test-only: nothing in the app imports this file.
 */
import {
  addComment,
  chooseRelationshipType,
  linkNotes,
  replyToThread,
  resolveThread,
} from '../doc';
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

/**
 * The relationship board with comments: on the relationship note a thread with a reply,
 * resolved by Luis; on the channel "Email" an open thread without replies.
 */
export function commentedBoard() {
  const { doc, ids } = relationshipBoard();
  const ana = { author: 'Ana', authorId: 'u_ana0000000000000' };
  const luis = { author: 'Luis', authorId: 'u_luis000000000000' };
  const resolved = addComment(doc, ids.rel, 'Do freelancers pay monthly?', ana);
  const reply = replyToThread(doc, resolved, 'Yes: 60% in the interviews.', luis);
  resolveThread(doc, resolved, 'Luis');
  const open = addComment(doc, ids.email, 'Is email enough?', luis);
  return { doc, ids, threads: { resolved, reply, open } };
}
