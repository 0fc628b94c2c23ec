import type { AddressInfo } from 'node:net';
import { ApiError } from '../../src-shared/contract/errors.js';
import { DEFAULT_WEBHOOK_PORT } from '../../src-shared/contract/listener.js';
import { bindProblem } from '../listener/bind-problem.js';
import type { ListenerSettingsService } from './listener-settings.js';

/** The part of the listener this needs (WebhookListener). */
export interface PortedListener {
  start(port: number): Promise<AddressInfo>;
  moveTo(port: number): Promise<AddressInfo>;
  address(): AddressInfo | null;
}

export interface ListenerPortDeps {
  listener: PortedListener;
  settings: ListenerSettingsService;
  /** A port the start options fix for this run (flag or env), and what fixed it; Settings cannot change it then. */
  fixed: { port: number; by: string } | null;
  log(message: string): void;
}

/**
 * Which port the listener uses, and moving it from Settings. The setting applies at once: the
 * listener moves in place (the new port is bound before the old one is let go, so a port in use
 * leaves it where it was) and keeps the port for the next starts. A port fixed by the start
 * options wins over the setting, and then Settings cannot change it. When the port from Settings
 * (or the default) is taken at start, the console starts anyway, says why the listener is not
 * listening, and a new port can be chosen; a fixed port that is taken stops the start.
 */
export class ListenerPort {
  private notListening: string | null = null;
  private changing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ListenerPortDeps) {}

  /** The port the listener is to use now. */
  wanted(): number {
    return this.deps.fixed?.port ?? this.deps.settings.get().webhookPort ?? DEFAULT_WEBHOOK_PORT;
  }

  get fixedBy(): string | null {
    return this.deps.fixed?.by ?? null;
  }

  /** Why the listener is not listening, in words; null while it listens. */
  get problem(): string | null {
    return this.notListening;
  }

  /** Starts the listener on its port; null when that port cannot be had (see `problem`). */
  async start(): Promise<AddressInfo | null> {
    const port = this.wanted();
    try {
      return await this.deps.listener.start(port);
    } catch (error) {
      const words = bindProblem(error, port);
      if (words === null) throw error;
      const { fixed } = this.deps;
      if (fixed) throw new Error(`${words} The port is set by ${fixed.by}: choose another there.`, { cause: error });
      this.notListening = `${words} Choose another port under Settings → Webhook listener.`;
      this.deps.log(`the webhook listener is not listening: ${this.notListening}`);
      return null;
    }
  }

  /** Moves the listener to `port` (null: the default) and saves it; refused, in words, when the port cannot be had. */
  change(port: number | null): Promise<void> {
    const next = this.changing.then(() => this.apply(port));
    this.changing = next.catch(() => {});
    return next;
  }

  private async apply(port: number | null): Promise<void> {
    const { fixed, listener, settings } = this.deps;
    if (fixed) {
      throw new ApiError(
        'conflict',
        `The listener's port is set by ${fixed.by} for this run, so it cannot be changed here. Start Gatewatch without it to use the port set in Settings.`,
      );
    }
    const target = port ?? DEFAULT_WEBHOOK_PORT;
    const current = listener.address()?.port ?? null;
    if (current !== target) {
      try {
        await listener.moveTo(target);
      } catch (error) {
        const words = bindProblem(error, target);
        if (words === null) throw error;
        const stays = current === null ? 'The listener is still not listening.' : `The listener stays on port ${current}.`;
        throw new ApiError('conflict', `${words} ${stays}`);
      }
      this.notListening = null;
      this.deps.log(`the webhook listener moved to port ${target}${current === null ? '' : ` (from ${current})`}`);
    }
    await settings.update({ webhookPort: port });
  }
}
