/**
 * A pasted cURL command read back into the request it sends: method, URL, headers in order and
 * the exact body bytes. Covers what people paste (browser "Copy as cURL", Postman, Gatewatch's own
 * "copy as cURL", including its `printf '%b' … | curl … --data-binary @-` form for binary bodies);
 * anything it cannot reproduce exactly is refused in words rather than guessed.
 */
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { ShellSyntaxError, shellTokens, type ShellToken } from './shell-words.js';

export interface ImportedRequest {
  method: string;
  url: string;
  headers: HeaderPair[];
  /** Exact bytes; null when the request has no body. */
  body: Uint8Array | null;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** Options that take no value and change nothing about the request sent. */
const IGNORED_FLAGS = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-v',
  '--verbose',
  '-i',
  '--include',
  '-L',
  '--location',
  '-k',
  '--insecure',
  '--compressed',
  '-f',
  '--fail',
  '--fail-with-body',
  '-N',
  '--no-buffer',
  '-g',
  '--globoff',
  '--http1.1',
  '--http2',
  '-#',
  '--progress-bar',
]);
/** Options that take a value and change nothing about the request sent. */
const IGNORED_WITH_VALUE = new Set([
  '-m',
  '--max-time',
  '--connect-timeout',
  '-o',
  '--output',
  '--retry',
  '-w',
  '--write-out',
  '--proxy',
  '-x',
  '--resolve',
  '--cacert',
]);
const DATA_FLAGS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json']);
const SHORT_WITH_VALUE = new Set(['X', 'H', 'd', 'u', 'A', 'e', 'b', 'm', 'o', 'w', 'x']);

/** What `printf '%b' …`, `printf '%s' …` or `echo -n …` writes, for the `@-` of a pipeline. */
function producerOutput(words: string[]): Uint8Array {
  const [cmd, ...args] = words;
  if (cmd === 'printf' && args.length === 2 && (args[0] === '%b' || args[0] === '%s')) {
    if (args[0] === '%s') return utf8(args[1]!);
    const text = args[1]!.replace(/\\(x[0-9a-fA-F]{1,2}|0[0-7]{0,3}|[\\abfnrtv])/g, (_m, esc: string) => {
      if (esc[0] === 'x') return String.fromCharCode(Number.parseInt(esc.slice(1), 16));
      if (esc[0] === '0') return String.fromCharCode(Number.parseInt(esc.slice(1) || '0', 8) & 0xff);
      return ({ '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' } as Record<string, string>)[esc]!;
    });
    // %b output is bytes: a character above 0xff can only have come from the text itself (UTF-8).
    return Array.from(text).some((c) => c.charCodeAt(0) > 0xff) ? utf8(text) : latin1(text);
  }
  if (cmd === 'echo' && args[0] === '-n') return utf8(args.slice(1).join(' '));
  if (cmd === 'echo') return utf8(`${args.join(' ')}\n`);
  throw new ImportError(`only printf or echo can feed the body through a pipe, not "${cmd ?? ''}"`);
}

/** Splits `-XPOST`, `-HName: v`, `-sS` and `--data=…` into separate option words. */
function expandOptions(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const long = /^(--[a-z0-9.-]+)=(.*)$/s.exec(word);
    if (long) out.push(long[1]!, long[2]!);
    else if (/^-[A-Za-z#]{2,}/.test(word) && !word.startsWith('--')) {
      let i = 1;
      while (i < word.length) {
        const letter = word[i]!;
        out.push(`-${letter}`);
        i++;
        if (SHORT_WITH_VALUE.has(letter) && i < word.length) {
          out.push(word.slice(i));
          break;
        }
      }
    } else out.push(word);
  }
  return out;
}

function splitPipeline(tokens: ShellToken[]): { producer: string[] | null; curl: string[] } {
  const commands: string[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'pipe') commands.push([]);
    else commands[commands.length - 1]!.push(token.text);
  }
  if (commands.length > 2) throw new ImportError('only one pipe into curl is understood');
  const curl = commands[commands.length - 1]!;
  if (curl[0] !== 'curl') throw new ImportError('this is not a curl command (it should start with "curl")');
  return { producer: commands.length === 2 ? commands[0]! : null, curl: curl.slice(1) };
}

function dataBytes(flag: string, value: string, stdin: Uint8Array | null): Uint8Array {
  if (value.startsWith('@') && flag !== '--data-raw') {
    if (value === '@-' && stdin) return stdin;
    throw new ImportError(`${flag} ${value} reads a file, which an import cannot: paste the body itself instead`);
  }
  if (flag === '--data-urlencode') {
    const eq = value.indexOf('=');
    return utf8(eq === -1 ? encodeURIComponent(value) : `${value.slice(0, eq + 1)}${encodeURIComponent(value.slice(eq + 1))}`);
  }
  return utf8(value);
}

const concat = (parts: Uint8Array[], separator: Uint8Array): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [separator, part]))));

/** The request a pasted curl command sends; ImportError says why one cannot be read. */
export function parseCurlCommand(command: string): ImportedRequest {
  let tokens: ShellToken[];
  try {
    tokens = shellTokens(command);
  } catch (error) {
    if (error instanceof ShellSyntaxError) throw new ImportError(`the command cannot be read: ${error.message}`);
    throw error;
  }
  const { producer, curl } = splitPipeline(tokens);
  const stdin = producer ? producerOutput(producer) : null;
  const words = expandOptions(curl);
  let method: string | null = null;
  let url: string | null = null;
  let json = false;
  const headers: HeaderPair[] = [];
  const data: Uint8Array[] = [];
  const value = (i: number, flag: string) => {
    const v = words[i + 1];
    if (v === undefined) throw new ImportError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-X' || word === '--request') method = value(i++, word);
    else if (word === '-H' || word === '--header') {
      const line = value(i++, word);
      if (line.startsWith('@')) throw new ImportError(`${word} ${line} reads headers from a file: paste them instead`);
      const colon = line.indexOf(':');
      if (colon <= 0) throw new ImportError(`the header "${line}" has no "Name: value" form`);
      const name = line.slice(0, colon).trim();
      const headerValue = line.slice(colon + 1).trim();
      // curl: "Name:" removes a header it would send and "Name;" sends it empty; neither carries a value to keep.
      if (headerValue !== '') headers.push([name, headerValue]);
    } else if (DATA_FLAGS.has(word)) {
      data.push(dataBytes(word, value(i++, word), stdin));
      if (word === '--json') json = true;
    } else if (word === '-u' || word === '--user') headers.push(['Authorization', `Basic ${Buffer.from(value(i++, word)).toString('base64')}`]);
    else if (word === '-A' || word === '--user-agent') headers.push(['User-Agent', value(i++, word)]);
    else if (word === '-e' || word === '--referer') headers.push(['Referer', value(i++, word)]);
    else if (word === '-b' || word === '--cookie') headers.push(['Cookie', value(i++, word)]);
    else if (word === '--url') url = value(i++, word);
    else if (IGNORED_FLAGS.has(word)) continue;
    else if (IGNORED_WITH_VALUE.has(word)) i++;
    else if (word.startsWith('-') && word.length > 1) throw new ImportError(`the curl option ${word} is not understood by the import`);
    else if (url === null) url = word;
    else throw new ImportError(`more than one URL ("${url}" and "${word}"): import one request at a time`);
  }
  if (url === null) throw new ImportError('the command has no URL');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `http://${url}`;
  try {
    new URL(url);
  } catch {
    throw new ImportError(`"${url}" is not a URL`);
  }
  if (json) {
    const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
    if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
    if (!has('accept')) headers.push(['Accept', 'application/json']);
  }
  const hasBody = data.length > 0;
  if (hasBody && !json && !headers.some(([n]) => n.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', 'application/x-www-form-urlencoded']); // what curl sends with -d
  }
  return {
    method: method ?? (hasBody ? 'POST' : 'GET'),
    url,
    headers,
    body: hasBody ? concat(data, utf8('&')) : null,
  };
}
