/**
 * Splits a POSIX shell command line into words the way sh would, for pasted cURL commands: single
 * and double quotes, ANSI-C `$'…'` quotes, backslash escapes, line continuations, `#` comments,
 * and the `|` of a pipeline as a word of its own. No expansion: `$VAR` stays as written.
 */

export class ShellSyntaxError extends Error {
  override name = 'ShellSyntaxError';
}

/** A word, or the pipe operator between commands. */
export type ShellToken = { kind: 'word'; text: string } | { kind: 'pipe' };

const ANSI_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** `$'…'` body starting after the opening quote; returns the text and where the closing quote is. */
function ansiCQuoted(line: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start;
  while (i < line.length && line[i] !== "'") {
    const c = line[i]!;
    if (c !== '\\') {
      text += c;
      i++;
      continue;
    }
    const next = line[i + 1];
    if (next === undefined) break;
    if (next === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(line.slice(i + 2))?.[0] ?? '';
      text += String.fromCharCode(Number.parseInt(hex || '0', 16));
      i += 2 + hex.length;
    } else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(line.slice(i + 1))![0];
      text += String.fromCharCode(Number.parseInt(oct, 8) & 0xff);
      i += 1 + oct.length;
    } else if (next === 'u' || next === 'U') {
      const hex = (next === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(line.slice(i + 2))?.[0] ?? '';
      text += String.fromCodePoint(Number.parseInt(hex || '0', 16));
      i += 2 + hex.length;
    } else {
      text += ANSI_ESCAPES[next] ?? `\\${next}`;
      i += 2;
    }
  }
  if (i >= line.length) throw new ShellSyntaxError("a $'…' quote is not closed");
  return { text, end: i };
}

export function shellTokens(command: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  let word: string | null = null;
  const flush = () => {
    if (word !== null) tokens.push({ kind: 'word', text: word });
    word = null;
  };
  let i = 0;
  while (i < command.length) {
    const c = command[i]!;
    if (c === '\\') {
      const next = command[i + 1];
      if (next === '\n')
        i += 2; // line continuation
      else if (next === '\r' && command[i + 2] === '\n') i += 3;
      else {
        word = (word ?? '') + (next ?? '');
        i += 2;
      }
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end === -1) throw new ShellSyntaxError('a single quote is not closed');
      word = (word ?? '') + command.slice(i + 1, end);
      i = end + 1;
    } else if (c === '$' && command[i + 1] === "'") {
      const { text, end } = ansiCQuoted(command, i + 2);
      word = (word ?? '') + text;
      i = end + 1;
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < command.length && command[i] !== '"') {
        if (command[i] === '\\' && '"\\$`\n'.includes(command[i + 1] ?? '')) {
          if (command[i + 1] !== '\n') text += command[i + 1];
          i += 2;
        } else text += command[i++];
      }
      if (i >= command.length) throw new ShellSyntaxError('a double quote is not closed');
      word = (word ?? '') + text;
      i++;
    } else if (c === '|') {
      flush();
      tokens.push({ kind: 'pipe' });
      i++;
    } else if (c === '#' && word === null) {
      while (i < command.length && command[i] !== '\n') i++; // a comment, to the end of its line
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      flush();
      i++;
    } else if (c === ';' || c === '&' || c === '<' || c === '>' || c === '`' || (c === '$' && command[i + 1] === '(')) {
      throw new ShellSyntaxError(`"${c === '$' ? '$(' : c}" is not part of a plain curl command: paste the command alone`);
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  flush();
  return tokens;
}
