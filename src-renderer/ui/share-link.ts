/**
 * The address of this view for a colleague or another tab: the page's own, never with a token in
 * it (whoever opens it signs in on their side; a browser with a session goes straight there).
 */
export function shareableLink(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('token');
  return url.toString();
}
