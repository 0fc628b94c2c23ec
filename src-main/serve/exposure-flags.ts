import { readFileSync } from 'node:fs';

/** A flag for reaching the console beyond loopback that cannot be used as given, in one sentence. */
export class ExposureFlagError extends Error {
  override name = 'ExposureFlagError';
}

export interface ExposureFlags {
  consoleHost: string;
  publicUrl: URL | null;
  tls: { cert: Buffer; key: Buffer } | null;
  trustProxy: string[];
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ExposureFlagError(`cannot read the TLS ${what} ${path}: ${(error as Error).message}`);
  }
}

/**
 * `--console-host`, `--public-url`, `--tls-cert` with `--tls-key`, `--trust-proxy` (repeatable),
 * or their GATEWATCH_… environment variables. Whether they are enough is exposure.ts's question.
 */
export function readExposureFlags(
  values: { 'console-host'?: string; 'public-url'?: string; 'tls-cert'?: string; 'tls-key'?: string; 'trust-proxy'?: string[] },
  env: Record<string, string | undefined>,
): ExposureFlags {
  const consoleHost = values['console-host'] ?? env.GATEWATCH_CONSOLE_HOST ?? '127.0.0.1';
  const rawUrl = values['public-url'] ?? env.GATEWATCH_PUBLIC_URL;
  let publicUrl: URL | null = null;
  if (rawUrl) {
    try {
      publicUrl = new URL(rawUrl);
    } catch {
      throw new ExposureFlagError(`--public-url "${rawUrl}" is not a URL (e.g. https://gatewatch.example.com)`);
    }
    if (publicUrl.pathname !== '/' || publicUrl.search || publicUrl.hash) {
      throw new ExposureFlagError(`--public-url is the console's origin only (e.g. ${publicUrl.origin}), without a path`);
    }
  }
  const cert = values['tls-cert'] ?? env.GATEWATCH_TLS_CERT;
  const key = values['tls-key'] ?? env.GATEWATCH_TLS_KEY;
  if (Boolean(cert) !== Boolean(key)) throw new ExposureFlagError('give --tls-cert and --tls-key together');
  const trustProxy = values['trust-proxy'] ?? (env.GATEWATCH_TRUST_PROXY ? env.GATEWATCH_TRUST_PROXY.split(',').map((a) => a.trim()) : []);
  return {
    consoleHost,
    publicUrl,
    tls: cert && key ? { cert: readPem(cert, 'certificate'), key: readPem(key, 'key') } : null,
    trustProxy: trustProxy.filter(Boolean),
  };
}
