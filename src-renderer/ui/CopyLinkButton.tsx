import { useTransport } from '../transport/context.js';
import { CopyButton } from './CopyButton.js';
import { shareableLink } from './share-link.js';

/**
 * "Copy link" to the view on screen (its filters, the delivery, the timeline), in serve mode: the
 * desktop window's address opens nowhere else, so there it is not offered.
 */
export function CopyLinkButton() {
  const transport = useTransport();
  if (transport.kind !== 'http') return null;
  return <CopyButton text={shareableLink(window.location.href)} label="Copy link" />;
}
