import { NeedLinkView } from '@/components/errors/need-link-view';

/** Rendered, with HTTP 403, when a page calls forbidden(): a board opened without its link. */
export default function Forbidden() {
  return <NeedLinkView />;
}
