/**
 * Links pasted or dropped into a note keep only their address. Tiptap's Link mark would take a
 * copied page's `target`, `rel`, `class` and `title` as they are, and the server refuses a
 * link whose `target` or `rel` is not the editor's own (lib/model/records/rich-text.ts, close
 * code 4422): without this, pasting a link from most web pages would cut the connection.
 * Stripped, each pasted link gets the Link mark's defaults, as a typed one does.
 */
export function keepOnlyLinkAddresses(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const links = parsed.querySelectorAll('a');
  if (links.length === 0) return html;
  for (const link of links)
    for (const name of link.getAttributeNames()) if (name !== 'href') link.removeAttribute(name);
  return parsed.body.innerHTML;
}
