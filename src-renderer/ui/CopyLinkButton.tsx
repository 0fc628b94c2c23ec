import { useTransport } from '../transport/context.js';
import { CopyButton } from './CopyButton.js';
import { shareableLink } from './share-link.js';

/**
 * "Copy link" to a view (`route`, a hash route; by default the one on screen, with its filters),
 * in serve mode: the desktop window's address opens nowhere else, so there it is not offered.
 */
export function CopyLinkButton({ route, label = 'Copy link' }: { route?: string; label?: string }) {
  const transport = useTransport();
  if (transport.kind !== 'http') return null;
  return <CopyButton text={shareableLink(window.location.href, route)} label={label} />;
}
