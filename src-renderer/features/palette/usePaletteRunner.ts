import { useQueryClient } from '@tanstack/react-query';
import { hrefFor } from '../../app/router.js';
import { useTransport } from '../../transport/context.js';
import { queryKeys } from '../../transport/query-keys.js';
import { requestIntent } from '../../ui/intents.js';
import { shareableLink } from '../../ui/share-link.js';
import { verificationHeadline } from '../delivery/verification-words.js';
import type { PaletteAction } from './palette-items.js';

/** Carries out a palette action; `say` shows how it went (in a status line the palette leaves behind). */
export function usePaletteRunner(say: (words: string) => void, showShortcuts: () => void): (action: PaletteAction) => void {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return (action) => {
    switch (action.kind) {
      case 'navigate':
        window.location.hash = action.href;
        return;
      case 'search':
        window.location.hash = hrefFor({ page: 'inbox', params: new URLSearchParams({ q: action.q }) });
        return;
      case 'copy-link':
        if (!navigator.clipboard) return say('The clipboard is not available here: copy the address by hand.');
        navigator.clipboard.writeText(shareableLink(window.location.href)).then(
          () => say('Link copied.'),
          () => say('The clipboard refused: copy the address by hand.'),
        );
        return;
      case 'verify':
        say('Verifying again…');
        transport.call('deliveries.reverify', { id: action.deliveryId }).then(
          (detail) => {
            queryClient.setQueryData(queryKeys.delivery(action.deliveryId), detail);
            void queryClient.invalidateQueries({ queryKey: queryKeys.deliveryLists() });
            say(`Verified again. ${verificationHeadline(detail.verificationResult)}`);
          },
          (error: Error) => say(error.message),
        );
        return;
      case 'replay':
        requestIntent({ kind: 'replay', deliveryId: action.deliveryId });
        return;
      case 'shortcuts':
        showShortcuts();
        return;
    }
  };
}
