/**
 * Candidate forms of a body that a sender may have signed, in the order they are tried.
 *
 * A signature over a re-serialized body is fragile, so verification tries the exact bytes first
 * and then the canonical forms a JS or PHP sender would have produced. Each form carries a
 * plain-words note that becomes the diagnosis when it is the one that matched.
 */
import { JsonNumber, isJsonObject, type LosslessJson } from './lossless-json.js';
import { stringifyJsStyle, stringifyPhpStyle, type KeySort } from './serialize.js';

export interface CandidateForm {
  /** Stable name shown as `matched` / in `candidatesTried`. */
  name: string;
  bytes: Buffer;
  /** What it means when this form matched; empty for the exact bytes. */
  note: string;
}

export type SerializationStyle = 'js' | 'php' | 'php-unescaped-slashes';

const STYLE_NAMES: Record<SerializationStyle, string> = {
  js: 'JS-style JSON',
  php: 'PHP-style JSON',
  'php-unescaped-slashes': 'PHP-style JSON, unescaped slashes',
};

const SORT_NAMES: Record<KeySort, string> = {
  none: '',
  'top-level': ', top-level keys sorted',
  recursive: ', keys sorted recursively',
};

/** Raw bytes, then (only if different) without a leading BOM and trailing newlines. */
export function rawForms(body: Uint8Array): CandidateForm[] {
  // A view, not a copy: forms are only read (hashed and compared).
  const raw = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const forms: CandidateForm[] = [{ name: 'raw bytes', bytes: raw, note: '' }];
  let start = 0;
  let end = raw.length;
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) start = 3;
  while (end > start && (raw[end - 1] === 0x0a || raw[end - 1] === 0x0d)) end--;
  if (start !== 0 || end !== raw.length) {
    forms.push({
      name: 'raw bytes without trailing newline/BOM',
      bytes: raw.subarray(start, end),
      note: 'signed without the trailing newline or byte-order mark that the body carries on the wire',
    });
  }
  return forms;
}

/**
 * A re-serialized form, built only when verification gets to it: most deliveries match the raw
 * bytes, so the serializations (and their notes) are usually never computed.
 */
export function serializedForm(json: LosslessJson, style: SerializationStyle, sort: KeySort): CandidateForm {
  return new SerializedForm(json, style, sort);
}

/** A class, not a literal with getters: a recipe lists up to seven per delivery, and literals with accessors are slow to make. */
class SerializedForm implements CandidateForm {
  readonly name: string;
  private bytesMade: Buffer | undefined;
  private noteMade: string | undefined;

  constructor(
    private readonly json: LosslessJson,
    private readonly style: SerializationStyle,
    private readonly sort: KeySort,
  ) {
    this.name = `${STYLE_NAMES[style]}${SORT_NAMES[sort]}`;
  }

  get bytes(): Buffer {
    this.bytesMade ??= Buffer.from(
      this.style === 'js' ? stringifyJsStyle(this.json, this.sort) : stringifyPhpStyle(this.json, { escapeSlashes: this.style === 'php', sort: this.sort }),
      'utf8',
    );
    return this.bytesMade;
  }

  get note(): string {
    this.noteMade ??= describeSerialization(this.json, this.style, this.sort);
    return this.noteMade;
  }
}

/** The forms in order, skipping (as they are reached) any whose bytes equal an earlier one's. */
export function* distinctForms(forms: Iterable<CandidateForm>): Generator<CandidateForm> {
  const seen: Buffer[] = [];
  for (const form of forms) {
    if (seen.some((bytes) => bytes.equals(form.bytes))) continue;
    seen.push(form.bytes);
    yield form;
  }
}

interface BodyTraits {
  nonAscii: boolean;
  slash: boolean;
  reformattedNumber: boolean;
}

const NON_ASCII = /[^\p{ASCII}]/u;

function scanText(text: string, acc: BodyTraits): void {
  if (NON_ASCII.test(text)) acc.nonAscii = true;
  if (text.includes('/')) acc.slash = true;
}

function traitsOf(value: unknown, acc: BodyTraits = { nonAscii: false, slash: false, reformattedNumber: false }): BodyTraits {
  if (typeof value === 'string') scanText(value, acc);
  else if (value instanceof JsonNumber) {
    if (String(value.toNumber()) !== value.text) acc.reformattedNumber = true;
  } else if (Array.isArray(value)) {
    for (const v of value) traitsOf(v, acc);
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      scanText(key, acc);
      traitsOf(value[key], acc);
    }
  }
  return acc;
}

function describeSerialization(json: LosslessJson, style: SerializationStyle, sort: KeySort): string {
  const traits = traitsOf(json);
  const parts: string[] = [];
  if (style === 'js') {
    parts.push('body was re-serialized before signing (JS-style JSON)');
  } else {
    parts.push('body was re-serialized before signing (PHP json_encode)');
    if (traits.nonAscii) parts.push('non-ASCII characters escaped PHP-style (\\uXXXX)');
    if (style === 'php' && traits.slash) parts.push("'/' escaped as '\\/'");
  }
  if (traits.reformattedNumber) parts.push('numbers re-printed (e.g. 170.00 as 170)');
  if (sort === 'top-level') parts.push('top-level keys sorted');
  if (sort === 'recursive') parts.push('keys sorted at every level');
  return parts.join('; ');
}
