import { createAesGcmCipher, loadOrCreateKeyFile, masterKeyFromEnv, type SecretCipher } from '../secrets/cipher.js';

/**
 * Serve mode's protection for secrets at rest: GATEWATCH_MASTER_KEY when set (the key then
 * never touches the disk), otherwise a 0600 key file in the data dir.
 */
export function serveModeCipher(dataDir: string, env: NodeJS.ProcessEnv = process.env): SecretCipher {
  const fromEnv = env.GATEWATCH_MASTER_KEY;
  if (fromEnv) return createAesGcmCipher(masterKeyFromEnv(fromEnv), 'aes-256-gcm (GATEWATCH_MASTER_KEY)');
  return createAesGcmCipher(loadOrCreateKeyFile(dataDir), 'aes-256-gcm (key file in the data dir)');
}
