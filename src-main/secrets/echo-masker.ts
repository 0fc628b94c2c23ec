/**
 * Masks the secrets a request carried wherever text from outside (a provider's or a staging
 * target's answer, a network error) might carry them back. A secret is found as typed, JSON-
 * escaped in any mix (`\/`, `\"`, `\uXXXX`; also escaped twice, JSON inside a JSON string),
 * percent- or form-encoded (hex digits in either case), and in base64 or base64url, padded or
 * not. Inside a longer base64 text (`Basic base64(user:key)`) only the characters that do not
 * depend on the neighbouring bytes can be found: those are masked, which leaves at most two
 * bytes' worth of the secret at each end unreadable on their own.
 */
import { maskSecret } from '../../src-shared/domain/mask.js';

export interface SecretMasker {
  /**
   * `text` with every echo masked. With `keep`, only the first `keep` characters of `text` are
   * returned, but echoes are searched in all of it: one that starts before the cut is masked whole.
   */
  mask(text: string, keep?: number): string;
  /** The most characters one echo can take: read this far past a cut to see every echo that crosses it. */
  readonly reach: number;
}

/** Shorter base64 pieces than this would mask ordinary text by chance. */
const MIN_BASE64_PIECE = 8;

const JSON_SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One way of writing a character: its regex, the length of the text it matches, and every character that text can hold. */
interface Spelling {
  pattern: string;
  length: number;
  chars: string;
}

/** A form's regex, the longest text it can match, the shortest, and every character such a text can hold. */
interface Form extends Spelling {
  shortest: number;
}

const literal = (text: string): Spelling => ({ pattern: text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'), length: text.length, chars: text });
/** Hex digits match in either case (`%2f` and `%2F`, `\u00e9` and `\u00E9`). */
const anyCaseHex = (text: string): Spelling => ({
  pattern: [...literal(text).pattern].map((c) => (/[a-fA-F]/.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join(''),
  length: text.length,
  chars: text + text.toLowerCase() + text.toUpperCase(),
});

function spellings(char: string): Spelling[] {
  const unicode = Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  const escapes = [unicode, ...(JSON_SHORT[char] ? [JSON_SHORT[char]] : [])];
  // Escaped a second time, the backslash doubles (`\/` → `\\/`, and `\\\/` when `/` is escaped too).
  const twice = escapes.flatMap((e) => [`\\${e}`, ...(e === '\\/' || e === '\\"' ? [`\\\\${e}`] : [])]);
  const percent = [...Buffer.from(char, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  return [literal(char), ...[...escapes, ...twice, percent].map(anyCaseHex), ...(char === ' ' ? [literal('+')] : [])];
}

/** A regex for `form` in any of the spellings above; `alike` lists characters that stand for each other. */
function formPattern(form: string, alike: Record<string, string> = {}): Form {
  let pattern = '';
  let length = 0;
  let shortest = 0;
  let chars = '';
  for (const char of form) {
    const options = [char, ...(alike[char] ?? '')].flatMap(spellings);
    pattern += `(?:${options.map((o) => o.pattern).join('|')})`;
    length += Math.max(...options.map((o) => o.length));
    shortest += Math.min(...options.map((o) => o.length));
    chars += options.map((o) => o.chars).join('');
  }
  return { pattern, length, shortest, chars };
}

/** Base64 and base64url are the same up to these two characters (and padding). */
const BASE64_ALIKE = { '+': '-', '/': '_' };

function base64Patterns(secret: string): Form[] {
  const bytes = Buffer.from(secret, 'utf8');
  const padded = bytes.toString('base64');
  const patterns: Form[] = [];
  if (padded.length >= MIN_BASE64_PIECE) {
    const bare = formPattern(padded.replace(/=+$/, ''), BASE64_ALIKE);
    const padding = formPattern(padded.slice(padded.replace(/=+$/, '').length));
    // The padding is optional: the shortest echo is the bare part alone.
    patterns.push({
      pattern: `${bare.pattern}(?:${padding.pattern})?`,
      length: bare.length + padding.length,
      shortest: bare.shortest,
      chars: bare.chars + padding.chars,
    });
  }
  // Preceded by 0, 2 or 1 other bytes, the secret's bytes from offset k on fill whole 3-byte groups:
  // those groups encode the same wherever the secret sits in a longer base64 text.
  for (const k of [0, 1, 2]) {
    const whole = Math.floor((bytes.length - k) / 3) * 3;
    const piece = whole > 0 ? bytes.subarray(k, k + whole).toString('base64') : '';
    if (piece.length >= MIN_BASE64_PIECE) patterns.push(formPattern(piece, BASE64_ALIKE));
  }
  return patterns;
}

interface CompiledSecret {
  regex: RegExp;
  masked: string;
}

export function createSecretMasker(values: ReadonlyArray<string | null | undefined>): SecretMasker {
  const secrets = [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0))];
  let reach = 0;
  // Every echo is a run of at least `shortest` characters, each one an echo can hold. A text
  // without such a run is returned as it is without running the regexes, whose compiled code V8
  // drops at a full collection: compiling one again takes 100 ms and more of the thread.
  let shortest = Number.POSITIVE_INFINITY;
  const echoChars = new Set<number>();
  const compiled: CompiledSecret[] = secrets.map((secret) => {
    // Longest first: where forms overlap at one position the whole echo is taken.
    const forms = [formPattern(secret), ...base64Patterns(secret)].sort((a, b) => b.length - a.length);
    reach = Math.max(reach, ...forms.map((f) => f.length));
    shortest = Math.min(shortest, ...forms.map((f) => f.shortest));
    for (const form of forms) for (let i = 0; i < form.chars.length; i++) echoChars.add(form.chars.charCodeAt(i));
    return { regex: new RegExp(forms.map((f) => f.pattern).join('|'), 'g'), masked: maskSecret(secret) };
  });
  const asciiEchoChars = new Uint8Array(128);
  for (const code of echoChars) if (code < 128) asciiEchoChars[code] = 1;
  const mayHoldEcho = (text: string): boolean => {
    let run = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 128 ? asciiEchoChars[code] === 1 : echoChars.has(code)) {
        if (++run >= shortest) return true;
      } else run = 0;
    }
    return false;
  };
  return {
    reach,
    mask(text, keepAsked = text.length) {
      // A negative keep keeps nothing (slice would count it from the end).
      const keep = Math.max(0, keepAsked);
      if (compiled.length === 0 || text.length < shortest || !mayHoldEcho(text)) return text.slice(0, keep);
      // Spans of every secret's echoes, merged where they overlap, so no piece of one is left showing.
      const spans: Array<{ start: number; end: number; masked: string }> = [];
      for (const { regex, masked } of compiled) {
        for (const m of text.matchAll(regex)) spans.push({ start: m.index, end: m.index + m[0].length, masked });
      }
      spans.sort((a, b) => a.start - b.start || b.end - a.end);
      let out = '';
      let at = 0;
      for (const span of spans) {
        if (span.start >= keep) break;
        if (span.end <= at) continue;
        if (span.start < at) {
          at = span.end; // overlaps the echo just masked: mask its tail with it
          continue;
        }
        out += text.slice(at, span.start) + span.masked;
        at = span.end;
      }
      return at < keep ? out + text.slice(at, keep) : out;
    },
  };
}
