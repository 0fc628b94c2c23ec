/**
 * The address of a view for a colleague or another tab: this page's (or, given a hash route, that
 * view on this page), never with a token in it: whoever opens it signs in on their side, and a
 * browser with a session goes straight there.
 */
export function shareableLink(href: string, hashRoute?: string): string {
  const url = new URL(href);
  url.searchParams.delete('token');
  if (hashRoute !== undefined) url.hash = hashRoute;
  return url.toString();
}
