import type { Gatewatch } from '../app/gatewatch.js';

const INTERRUPTED = 'the Gatewatch instance waiting for the backend stopped answering; the provider retries this delivery';

/**
 * On a store shared by several instances: now and then, frees what dead instances held and looks
 * for work again. The derivation worker and the relay queue otherwise run only when this
 * instance's own listener commits, so deliveries another instance acknowledged and then died
 * with would wait for the next webhook here.
 */
export function startTeamSweep(gatewatch: Gatewatch, log: (message: string) => void): () => void {
  const coordination = gatewatch.store.coordination;
  if (!coordination) return () => {};
  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    coordination
      .takeOver(INTERRUPTED, new Date().toISOString())
      .then(({ relayClaims, passthroughs }) => {
        if (relayClaims > 0) log(`relay: took over ${relayClaims} queued deliveries from an instance no longer running`);
        if (passthroughs > 0)
          log(`relay: ${passthroughs} passthrough deliveries of an instance no longer running were marked failed (the providers retry them)`);
      })
      // The database may be restarting: the next sweep tries again.
      .catch((error) => log(`could not look for work other instances left: ${(error as Error).message}`))
      .finally(() => {
        sweeping = false;
        // Claims of dead instances are taken over by the next claim: both look again every sweep.
        gatewatch.worker.schedule();
        gatewatch.context.relay.worker.schedule();
      });
  }, coordination.sweepEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
