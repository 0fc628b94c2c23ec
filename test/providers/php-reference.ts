/**
 * Real PHP as the reference for PHP-style forms: the tests that use it skip (saying so) when the
 * `php` binary is absent on a developer's machine. CI installs Debian's `php-cli`, so there a
 * missing PHP fails the run rather than letting the reference checks pass unseen.
 */
import { spawnSync } from 'node:child_process';

const probe = spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
export const phpVersion: string | null = probe.status === 0 ? probe.stdout.trim() : null;
export const phpMissingNote = 'php is not installed (apt-get install -y php-cli): PHP reference tests skipped';

if (phpVersion === null && process.env.CI) throw new Error(`${phpMissingNote}, but CI must run them (.ci/run installs php-cli)`);
if (phpVersion === null) console.warn(phpMissingNote);

/** Runs a PHP script that reads JSON from stdin and prints JSON; returns the decoded answer. */
export function runPhp<T>(script: string, input: unknown): T {
  const run = spawnSync('php', ['-d', 'serialize_precision=-1', '-r', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`php failed: ${run.stderr || run.stdout}`);
  return JSON.parse(run.stdout) as T;
}

export interface PhpEncodeCase {
  body: string;
  sort: 'none' | 'top-level' | 'recursive';
  escapeSlashes: boolean;
}

/**
 * `json_encode(json_decode($body, true), flags)` after `ksort` (top level, as in the InstaXchange
 * PHP sample) or a recursive ksort, exactly as a PHP sender would sign it.
 */
export function phpEncode(cases: readonly PhpEncodeCase[]): string[] {
  const script = `
    function ksort_deep(&$a) { if (!is_array($a)) return; ksort($a); foreach ($a as &$v) ksort_deep($v); }
    $out = [];
    foreach (json_decode(stream_get_contents(STDIN), true) as $c) {
      $body = json_decode($c['body'], true, 512, JSON_THROW_ON_ERROR);
      if ($c['sort'] === 'top-level' && is_array($body)) ksort($body);
      if ($c['sort'] === 'recursive') ksort_deep($body);
      $out[] = json_encode($body, $c['escapeSlashes'] ? 0 : JSON_UNESCAPED_SLASHES);
    }
    echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
  `;
  return runPhp<string[]>(script, cases);
}
