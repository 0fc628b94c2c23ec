import { InboxPage } from '../inbox/InboxPage.js';
import { SavedViewsSidebar } from './SavedViewsSidebar.js';

/** The inbox with the team's saved views in a sidebar beside it. */
export function InboxWithViews({ params }: { params: URLSearchParams }) {
  return (
    <div className="inbox-layout">
      <SavedViewsSidebar params={params} />
      <InboxPage params={params} />
    </div>
  );
}
