import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';
import { tempDir } from '../helpers/temp.js';
import { harProblems } from '../helpers/har.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { COMMANDS } from '../../src-main/cli/run.js';
import { EXIT } from '../../src-main/cli/io.js';
import { cli } from './cli-helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const SECRET = 'paychant-cli-secret-4321';
  const root = join(import.meta.dirname, '..', '..');
  let gw: TestConsole;
  let staging: StagingServer;
  let env: Record<string, string>;
  const dir = tempDir('gatewatch-cli-');
  const ids: string[] = [];
  const body = (n: number) => `{"event":"payment.completed","data":{"pid":"pid-cli-${n}","status":"completed"}}`;
  const sign = (text: string, secret = SECRET) => providerAdapters.paychant.signWebhook(Buffer.from(text), { label: 't', value: secret });

  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    staging = await startStagingServer();
    env = { GATEWATCH_URL: gw.consoleOrigin, GATEWATCH_TOKEN: gw.token };
    await gw.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: SECRET }] });
    for (const n of [1, 2, 3]) {
      const response = await gw.post('/webhooks/paychant', body(n), { 'content-type': 'application/json', ...sign(body(n)) });
      ids.push(((await response.json()) as { id: string }).id);
    }
    await gw.post('/webhooks/calypso', '{"eventType":"INVOICE_PAID","data":{"externalId":"ext-cli"}}');
    await gw.gatewatch.worker.idle();
  });
  afterAll(async () => {
    await staging?.close();
    await gw?.close();
    dir.remove();
  });

  describe('gatewatch CLI against a running serve mode', () => {
    it('has --help for itself and for every command, and says what is wrong with bad flags', async () => {
      const top = await cli(['--help'], {});
      expect(top.code).toBe(0);
      for (const command of COMMANDS) {
        expect(top.stdout).toContain(`  ${command.name}`);
        const help = await cli([command.name, '--help'], {});
        expect(help.code, command.name).toBe(0);
        expect(help.stdout).toMatch(new RegExp(`^Usage: gatewatch ${command.name}`));
        expect(help.stdout).toMatch(/Exit/);
      }
      expect((await cli(['help', 'tail'], {})).stdout).toMatch(/^Usage: gatewatch tail/);
      const unknown = await cli(['frobnicate'], env);
      expect(unknown.code).toBe(EXIT.usage);
      expect(unknown.stderr).toMatch(/no command "frobnicate"/);
      const badFlag = await cli(['search', '--nope'], env);
      expect(badFlag.code).toBe(EXIT.usage);
      expect(badFlag.stderr).toMatch(/Unknown option '--nope'.*see gatewatch search --help/);
      const badFilter = await cli(['search', '--provider', 'stripe'], env);
      expect(badFilter.code).toBe(EXIT.usage);
      expect(badFilter.stderr).toMatch(/filter provider:/);
    });

    it('exits 3 without a console, 4 with a refused token', async () => {
      const noUrl = await cli(['search'], {});
      expect(noUrl.code).toBe(EXIT.unreachable);
      expect(noUrl.stderr).toMatch(/GATEWATCH_URL is not set/);
      const closed = await cli(['search'], { GATEWATCH_URL: 'http://127.0.0.1:9', GATEWATCH_TOKEN: 'x'.repeat(20) });
      expect(closed.code).toBe(EXIT.unreachable);
      expect(closed.stderr).toMatch(/cannot reach the console at http:\/\/127\.0\.0\.1:9 .*is serve mode running\?/);
      const wrong = await cli(['search'], { ...env, GATEWATCH_TOKEN: 'wrong-token-000000000000' });
      expect(wrong.code).toBe(EXIT.unauthorized);
      const tokenFile = join(dir.path, 'token');
      writeFileSync(tokenFile, `${gw.token}\n`, { mode: 0o600 });
      expect((await cli(['search', '--token-file', tokenFile], { GATEWATCH_URL: gw.consoleOrigin })).code).toBe(0);
      writeFileSync(join(dir.path, 'open-token'), gw.token, { mode: 0o644 });
      const open = await cli(['search'], { GATEWATCH_URL: gw.consoleOrigin, GATEWATCH_TOKEN_FILE: join(dir.path, 'open-token') });
      expect(open.code).toBe(EXIT.usage);
      expect(open.stderr).toMatch(/chmod 600/);
    });

    it('search lists matches newest first, as a table or JSON', async () => {
      const table = await cli(['search', 'pid-cli-2'], env);
      expect(table.code).toBe(0);
      expect(table.stdout).toContain(ids[1]);
      expect(table.stdout).not.toContain(ids[0]);
      expect(table.stderr).toMatch(/^1 shown of 1/);
      const json = await cli(['search', '--provider', 'paychant', '--limit', '2', '--json'], env);
      const page = JSON.parse(json.stdout) as { items: Array<{ id: string }>; nextCursor: string };
      expect(page.items.map((d) => d.id)).toEqual([ids[2], ids[1]]);
      const next = JSON.parse((await cli(['search', '--filter', 'provider=paychant', '--cursor', page.nextCursor, '--json'], env)).stdout) as {
        items: Array<{ id: string }>;
      };
      expect(next.items.map((d) => d.id)).toEqual([ids[0]]);
    });

    it('get shows a delivery with its signature check, as JSON, or only its exact body bytes; 5 for an unknown id', async () => {
      const shown = await cli(['get', ids[0]!], env);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/Signature: valid \(matched: .*secret "production"\)/);
      expect(shown.stdout).toContain(body(1));
      expect(JSON.parse((await cli(['get', ids[0]!, '--json'], env)).stdout)).toMatchObject({ id: ids[0], verification: 'valid' });
      expect((await cli(['get', ids[0]!, '--body'], env)).bytes.equals(Buffer.from(body(1)))).toBe(true);
      const missing = await cli(['get', 'dlv_missing'], env);
      expect(missing.code).toBe(EXIT.notFound);
      expect(missing.stderr).toBe('gatewatch get: No delivery with id dlv_missing.\n');
    });

    it("timeline shows a payment's steps from one of its keys", async () => {
      const shown = await cli(['timeline', 'pid-cli-3'], env);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(ids[2]);
      const json = JSON.parse((await cli(['timeline', 'pid-cli-3', '--json'], env)).stdout) as { steps: Array<{ id: string }> };
      expect(json.steps.map((s) => s.id)).toContain(ids[2]);
    });

    it('export streams HAR that validates, NDJSON and CSV, to stdout or a file', async () => {
      const har = await cli(['export', '--har', '--provider', 'paychant'], env);
      expect(har.code).toBe(0);
      const document = JSON.parse(har.stdout) as { log: { entries: unknown[] } };
      expect(document.log.entries).toHaveLength(3);
      expect(await harProblems(document)).toEqual([]);
      const file = join(dir.path, 'out.ndjson');
      expect((await cli(['export', '--ndjson', '--since', '1h', '-o', file], env)).code).toBe(0);
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(4);
      const csv = await cli(['export', '--csv', '--verification', 'valid'], env);
      expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(4);
      const none = await cli(['export'], env);
      expect(none.code).toBe(EXIT.usage);
      expect(none.stderr).toMatch(/choose one format/);
    });

    it('replay keeps the confirmation rules: refused without --yes for a new target, asked on a terminal, then sent', async () => {
      const target = await gw.api<{ id: string }>('replay.targets.save', { name: 'Staging CLI', url: staging.url('/ok') });
      expect(target.status).toBe(200);
      const refused = await cli(['replay', '--target', 'staging cli', '--id', ids[0]!], env);
      expect(refused.code).toBe(EXIT.refused);
      expect(refused.stderr).toMatch(/needs confirming: nothing has been sent there yet\. Run again with --yes/);
      expect(staging.requests).toHaveLength(0);
      const questions: string[] = [];
      const declined = await cli(['replay', '--target', 'Staging CLI', '--id', ids[0]!], env, {
        confirm: async (q) => {
          questions.push(q);
          return false;
        },
      });
      expect(declined.code).toBe(EXIT.refused);
      expect(questions[0]).toMatch(/^Send delivery .* to "Staging CLI" \(http:\/\/127\.0\.0\.1:\d+\/ok\)\?/);
      const sent = await cli(['replay', '--target', 'Staging CLI', '--id', ids[0]!, '--yes'], env);
      expect(sent.code, sent.stderr).toBe(0);
      expect(sent.stdout).toMatch(/^sent: HTTP 202/);
      expect(staging.requests.at(-1)!.body.toString()).toBe(body(1));
      // Confirmed once, the target no longer asks for one send; a bulk replay is confirmed every time, for its count.
      expect((await cli(['replay', '--target', 'Staging CLI', '--id', ids[1]!], env)).code).toBe(0);
      const unconfirmedBulk = await cli(['replay', '--target', target.body.id, '--provider', 'paychant'], env);
      expect(unconfirmedBulk.code).toBe(EXIT.refused);
      expect(unconfirmedBulk.stderr).toMatch(/sending 3 deliveries to "Staging CLI" .* needs confirming: a bulk replay is sent only once confirmed/);
      const bulk = await cli(['replay', '--target', target.body.id, '--provider', 'paychant', '--yes', '--json'], env);
      expect(bulk.code, bulk.stderr).toBe(0);
      expect(JSON.parse(bulk.stdout)).toMatchObject({ state: 'finished', total: 3, succeeded: 3, failed: 0 });
      const failing = await gw.api<{ id: string }>('replay.targets.save', { name: 'broken', url: staging.url('/status/500') });
      const failed = await cli(['replay', '--target', failing.body.id, '--id', ids[1]!, '--id', ids[2]!, '--yes'], env);
      expect(failed.code).toBe(EXIT.negative);
      expect(failed.stdout).toMatch(/^finished: 0 ok, 2 failed/);
      expect((await cli(['replay', '--target', 'nowhere', '--id', ids[0]!], env)).code).toBe(EXIT.notFound);
      expect((await cli(['replay', '--target', 'broken'], env)).code).toBe(EXIT.usage);
    });

    it('tail shows new deliveries as they arrive, filtered, until --count or Ctrl-C', async () => {
      const running = cli(['tail', '--provider', 'calypso', '--last', '1', '--count', '1', '--json'], env);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await gw.post('/webhooks/paychant', body(9)); // filtered out
      await gw.post('/webhooks/calypso', '{"eventType":"INVOICE_PAID","data":{"externalId":"ext-tail"}}');
      const result = await running;
      expect(result.code).toBe(0);
      const lines = result.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { provider: string; id: string });
      expect(lines).toHaveLength(2); // the newest calypso delivery before, then the new one
      expect(lines.every((l) => l.provider === 'calypso')).toBe(true);
      let stop!: () => void;
      const interrupt = new Promise<void>((resolve) => (stop = resolve));
      const open = cli(['tail', '--last', '0'], env, { interrupt });
      await new Promise((resolve) => setTimeout(resolve, 200));
      stop();
      expect((await open).code).toBe(0);
    });
  });

  describe('gatewatch verify (offline)', () => {
    const file = join(dir.path, 'body.json');
    const text = body(7);

    it('says valid, and which form and secret matched, with no server and no secret in its output', async () => {
      writeFileSync(file, text);
      const headers = Object.entries(sign(text)).flatMap(([n, v]) => ['--header', `${n}: ${v}`]);
      const ok = await cli(['verify', file, '--provider', 'paychant', ...headers], { GATEWATCH_WEBHOOK_SECRET: SECRET });
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^Signature: valid \(matched: .*secret "\$GATEWATCH_WEBHOOK_SECRET"\)/);
      const secretFile = join(dir.path, 'secret');
      writeFileSync(secretFile, `${SECRET}\n`, { mode: 0o600 });
      const json = await cli(['verify', '-', '--provider', 'paychant', ...headers, '--secret-file', secretFile, '--json'], {}, { stdin: Buffer.from(text) });
      expect(JSON.parse(json.stdout)).toMatchObject({ provider: 'paychant', verification: { status: 'valid' } });
      expect(json.stdout).not.toContain(SECRET);
    });

    it('exits 1 and says why when the signature does not verify (wrong secret, edited body, missing header)', async () => {
      const headers = Object.entries(sign(text)).flatMap(([n, v]) => ['-H', `${n}: ${v}`]);
      writeFileSync(file, text.replace('pid-cli-7', 'pid-cli-8'));
      const edited = await cli(['verify', file, '--provider', 'paychant', ...headers], { MY_SECRET: SECRET, GATEWATCH_WEBHOOK_SECRET: '' }, {});
      expect(edited.code).toBe(EXIT.negative);
      writeFileSync(file, text);
      const wrong = await cli(['verify', file, '--provider', 'paychant', ...headers, '--secret-env', 'MY_SECRET'], { MY_SECRET: 'not-the-secret-0000' });
      expect(wrong.code).toBe(EXIT.negative);
      expect(wrong.stdout).toMatch(/^Signature: invalid/);
      expect(wrong.stdout).toMatch(/why: /);
      expect(wrong.stdout).not.toContain('not-the-secret-0000');
      const unsigned = await cli(['verify', file, '--provider', 'paychant'], { GATEWATCH_WEBHOOK_SECRET: SECRET });
      expect(unsigned.code).toBe(EXIT.negative);
      expect(unsigned.stdout).toMatch(/^Signature: unsigned/);
      expect((await cli(['verify', file, '--provider', 'stripe'], {})).code).toBe(EXIT.usage);
      expect((await cli(['verify', join(dir.path, 'nope'), '--provider', 'paychant'], {})).stderr).toMatch(/cannot read/);
    });

    it('reads the request from a HAR file or a cURL command', async () => {
      const headers = Object.entries(sign(text)).map(([name, value]) => ({ name, value }));
      const harFile = join(dir.path, 'capture.har');
      writeFileSync(
        harFile,
        JSON.stringify({
          log: { entries: [{ request: { method: 'POST', url: 'http://x/webhooks/paychant', headers, postData: { mimeType: 'application/json', text } } }] },
        }),
      );
      expect((await cli(['verify', harFile, '--har', '--provider', 'paychant'], { GATEWATCH_WEBHOOK_SECRET: SECRET })).code).toBe(0);
      const curlFile = join(dir.path, 'cmd.sh');
      writeFileSync(curlFile, `curl http://x/webhooks/paychant ${headers.map((h) => `-H '${h.name}: ${h.value}'`).join(' ')} --data-raw '${text}'`);
      expect((await cli(['verify', curlFile, '--curl', '--provider', 'paychant'], { GATEWATCH_WEBHOOK_SECRET: SECRET })).code).toBe(0);
    });
  });

  describe('the gatewatch bin', () => {
    /** Runs a command without blocking this process, which serves the console the command talks to. */
    const run = (file: string, args: string[], extraEnv: Record<string, string> = {}) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(file, args, { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...extraEnv } }, (error, stdout, stderr) =>
          resolve({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
        );
      });

    it('runs as `npx gatewatch` in the project, with real exit codes', async () => {
      const help = await run('npx', ['--no-install', 'gatewatch', '--help']);
      expect(help.status, help.stderr).toBe(0);
      expect(help.stdout).toMatch(/^Usage: gatewatch <command>/);
      const search = await run(process.execPath, [join(root, 'bin', 'gatewatch.mjs'), 'search', '--json'], {
        GATEWATCH_URL: gw.consoleOrigin,
        GATEWATCH_TOKEN: 'wrong-token-0000000000',
      });
      expect(search.status).toBe(EXIT.unauthorized);
      expect(search.stderr).toMatch(/^gatewatch search: Missing or wrong token/);
      const found = await run(process.execPath, [join(root, 'bin', 'gatewatch.mjs'), 'search', 'pid-cli-1', '--json'], env);
      expect(found.status, found.stderr).toBe(0);
      expect((JSON.parse(found.stdout) as { items: Array<{ id: string }> }).items.map((d) => d.id)).toEqual([ids[0]]);
    }, 90_000);
  });
});
