// Strings that match a `pattern`: a small generator for the regular expressions API documents write
// (classes, ranges, groups, alternation, quantifiers, escapes). Lookarounds and back-references are
// not generated; the caller then falls back to other candidates. Every result is checked against the
// real RegExp before it is used.
import type { Random } from './random';

type Node =
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'set'; ranges: Array<[number, number]>; negated: boolean }
  | { kind: 'repeat'; node: Node; min: number; max: number };

/** What the generator cannot write (a lookahead, a back-reference…): the caller uses another candidate. */
class Unsupported extends Error {}

const DIGIT: Array<[number, number]> = [[48, 57]];
const WORD: Array<[number, number]> = [[48, 57], [65, 90], [95, 95], [97, 122]];
const SPACE: Array<[number, number]> = [[32, 32]];
const PRINTABLE: Array<[number, number]> = [[32, 126]];
/** How far an open-ended quantifier (`*`, `+`, `{2,}`) goes beyond its minimum. */
const OPEN_EXTRA = 4;

export function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
}

/**
 * A string matching `pattern` whose length is within the bounds, or undefined when none was found in a
 * few tries (or the pattern uses what the generator cannot write).
 */
export function stringMatching(pattern: string, random: Random, bounds: { minLength?: number; maxLength?: number } = {}): string | undefined {
  const regex = compilePattern(pattern);
  if (!regex) return undefined;
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return undefined;
  }
  const min = bounds.minLength ?? 0;
  const max = bounds.maxLength ?? Infinity;
  for (let attempt = 0; attempt < 24; attempt++) {
    let text = write(tree, random);
    // An unanchored pattern matches inside a longer text: pad it to reach a minimum length.
    if (text.length < min && !pattern.startsWith('^')) text = 'a'.repeat(min - text.length) + text;
    if (text.length < min && !pattern.endsWith('$')) text += 'a'.repeat(min - text.length);
    if (text.length >= min && [...text].length <= max && regex.test(text)) return text;
  }
  return undefined;
}

function write(node: Node, random: Random): string {
  switch (node.kind) {
    case 'seq':
      return node.items.map((item) => write(item, random)).join('');
    case 'alt':
      return write(random.pick(node.options), random);
    case 'repeat': {
      const count = random.int(node.min, node.max);
      let text = '';
      for (let index = 0; index < count; index++) text += write(node.node, random);
      return text;
    }
    case 'set':
      return String.fromCodePoint(pickFrom(node.negated ? complement(node.ranges) : node.ranges, random));
  }
}

function pickFrom(ranges: Array<[number, number]>, random: Random): number {
  // Prefer plain ASCII letters and digits when the set has them: `\S`, `.` and wide ranges then read well.
  const readable = ranges.flatMap(([lo, hi]) => WORD.filter(([a, b]) => a <= hi && b >= lo).map(([a, b]): [number, number] => [Math.max(a, lo), Math.min(b, hi)]));
  const from = readable.length > 0 ? readable : ranges;
  const [lo, hi] = random.pick(from);
  return random.int(lo, Math.min(hi, 0x10ffff));
}

function complement(ranges: Array<[number, number]>): Array<[number, number]> {
  const inside = (code: number) => ranges.some(([lo, hi]) => code >= lo && code <= hi);
  const result: Array<[number, number]> = [];
  for (let code = 33; code <= 126; code++) if (!inside(code)) result.push([code, code]);
  if (result.length === 0) throw new Unsupported('empty class');
  return result;
}

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.source.length) throw new Unsupported(`unexpected ${this.source[this.at]}`);
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      if (atom) items.push(this.quantified(atom));
    }
    return { kind: 'seq', items };
  }

  private atom(): Node | undefined {
    const char = this.source[this.at++]!;
    switch (char) {
      case '^':
      case '$':
        return undefined;
      case '.':
        return { kind: 'set', ranges: PRINTABLE, negated: false };
      case '(': {
        if (this.source.startsWith('?:', this.at)) this.at += 2;
        else if (this.source.startsWith('?<', this.at) && !/^\?<[=!]/.test(this.source.slice(this.at))) this.at = this.source.indexOf('>', this.at) + 1;
        else if (this.source[this.at] === '?') throw new Unsupported('lookaround');
        const inner = this.alternation();
        if (this.source[this.at++] !== ')') throw new Unsupported('unclosed group');
        return inner;
      }
      case '[':
        return this.charClass();
      case '\\':
        return this.escape(false) as Node;
      default:
        return literal(char.codePointAt(0)!);
    }
  }

  private quantified(atom: Node): Node {
    const char = this.source[this.at];
    let min: number;
    let max: number;
    if (char === '*') [min, max] = [0, OPEN_EXTRA];
    else if (char === '+') [min, max] = [1, 1 + OPEN_EXTRA];
    else if (char === '?') [min, max] = [0, 1];
    else if (char === '{') {
      const match = /^\{(\d*)(,?)(\d*)\}/.exec(this.source.slice(this.at));
      if (!match || (match[1] === '' && match[3] === '')) return atom; // a literal brace
      min = Number(match[1] || 0);
      max = match[3] !== '' ? Number(match[3]) : match[2] ? min + OPEN_EXTRA : min;
      this.at += match[0].length - 1;
    } else return atom;
    this.at++;
    if (this.source[this.at] === '?' || this.source[this.at] === '+') this.at++; // lazy or possessive
    return { kind: 'repeat', node: atom, min, max: Math.min(max, min + 64) };
  }

  private charClass(): Node {
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    const ranges: Array<[number, number]> = [];
    let first = true;
    while (this.at < this.source.length && (this.source[this.at] !== ']' || first)) {
      first = false;
      let lo: number;
      if (this.source[this.at] === '\\') {
        this.at++;
        const escaped = this.escape(true);
        if (Array.isArray(escaped)) {
          ranges.push(...escaped);
          continue;
        }
        lo = (escaped as { ranges: Array<[number, number]> }).ranges[0]![0];
      } else lo = this.source.codePointAt(this.at++)!;
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']' && this.at + 1 < this.source.length) {
        this.at++;
        let hi: number;
        if (this.source[this.at] === '\\') {
          this.at++;
          const escaped = this.escape(true);
          if (Array.isArray(escaped)) throw new Unsupported('class range to a class');
          hi = (escaped as { ranges: Array<[number, number]> }).ranges[0]![0];
        } else hi = this.source.codePointAt(this.at++)!;
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    if (this.source[this.at++] !== ']') throw new Unsupported('unclosed class');
    return { kind: 'set', ranges, negated };
  }

  /** After a backslash: a class (as ranges, inside brackets) or a one-character set. */
  private escape(inClass: boolean): Node | Array<[number, number]> {
    const char = this.source[this.at++];
    if (char === undefined) throw new Unsupported('trailing backslash');
    const set = (ranges: Array<[number, number]>, negated = false): Node | Array<[number, number]> => {
      if (!inClass) return { kind: 'set', ranges, negated };
      if (negated) throw new Unsupported('negated class inside a class');
      return ranges;
    };
    switch (char) {
      case 'd':
        return set(DIGIT);
      case 'w':
        return set(WORD);
      case 's':
        return set(SPACE);
      case 'D':
        return set(DIGIT, true);
      case 'W':
        return set(WORD, true);
      case 'S':
        return set(SPACE, true);
      case 'p':
      case 'P': {
        const match = /^\{[^}]*\}/.exec(this.source.slice(this.at));
        if (match) this.at += match[0].length;
        if (char === 'P') throw new Unsupported('negated property');
        return set(/^\{(N|Nd)\}$/.test(match?.[0] ?? '') ? DIGIT : [[65, 90], [97, 122]]);
      }
      case 'b':
      case 'B':
        if (inClass) return literal(8);
        return { kind: 'seq', items: [] };
      case 't':
        return literal(9);
      case 'n':
        return literal(10);
      case 'r':
        return literal(13);
      case 'f':
        return literal(12);
      case 'v':
        return literal(11);
      case '0':
        return literal(0);
      case 'x': {
        const hex = this.source.slice(this.at, this.at + 2);
        this.at += 2;
        return literal(parseInt(hex, 16));
      }
      case 'u': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.source.slice(this.at));
        if (braced) {
          this.at += braced[0].length;
          return literal(parseInt(braced[1]!, 16));
        }
        const hex = this.source.slice(this.at, this.at + 4);
        this.at += 4;
        return literal(parseInt(hex, 16));
      }
      default:
        if (/[1-9k]/.test(char)) throw new Unsupported('back-reference');
        return literal(char.codePointAt(0)!);
    }
  }
}

const literal = (code: number): Node & { kind: 'set' } => ({ kind: 'set', ranges: [[code, code]], negated: false });
