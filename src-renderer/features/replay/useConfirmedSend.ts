import { useState } from 'react';
import type { ReplaySendInput, ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { ConsoleError } from '../../transport/types.js';
import { useSendReplay } from './useReplay.js';

/**
 * A single replay, asked about first when the target needs it (not confirmed yet, or looks like a
 * production API) or when the main process says so; `pending` is the send waiting for the answer.
 */
export function useConfirmedSend() {
  const send = useSendReplay();
  const [pending, setPending] = useState<ReplaySendInput | null>(null);
  const go = (input: ReplaySendInput, confirm: boolean) =>
    send.mutate({ ...input, confirm }, { onError: (error) => !confirm && error instanceof ConsoleError && error.code === 'conflict' && setPending(input) });
  return {
    send,
    pending,
    /** The conflict that asks for confirmation is not an error to show. */
    error: send.isError && !(send.error instanceof ConsoleError && send.error.code === 'conflict') ? send.error : null,
    submit(input: ReplaySendInput, target: Pick<ReplayTargetView, 'needsConfirmation'>) {
      if (target.needsConfirmation) setPending(input);
      else go(input, false);
    },
    confirm() {
      if (pending) go(pending, true);
      setPending(null);
    },
    cancel: () => setPending(null),
  };
}
