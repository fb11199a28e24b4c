// The part of a body that crosses to the renderer: its first PREVIEW_BYTES, decoded, with its kind.
import { TextDecoder } from 'node:util';
import type { BodyPreview } from '../../../shared/contract';

export const PREVIEW_BYTES = 256 * 1024;

export function previewKind(contentType: string | null, head: Buffer): BodyPreview['kind'] {
  const type = (contentType ?? '').toLowerCase();
  if (/[/+]json\b/.test(type)) return 'json';
  if (/[/+]xml\b/.test(type)) return 'xml';
  if (type.includes('text/html')) return 'html';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('text/') || /javascript|x-www-form-urlencoded|yaml|csv/.test(type)) return 'text';
  if (!type) {
    const start = head.subarray(0, 64).toString('utf8').trimStart();
    if (start.startsWith('{') || start.startsWith('[')) return 'json';
    if (start.startsWith('<')) return 'xml';
  }
  return looksBinary(head) ? 'binary' : 'text';
}

function looksBinary(head: Buffer): boolean {
  const sample = head.subarray(0, 1024);
  return sample.includes(0);
}

function charsetOf(contentType: string | null): string {
  return /charset="?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
}

/** `head` is at most PREVIEW_BYTES; `size` the whole body's. */
export function bodyPreview(head: Buffer, size: number, contentType: string | null): BodyPreview {
  const kind = previewKind(contentType, head);
  const truncated = size > head.length;
  if (kind === 'image') return { text: head.toString('base64'), truncated, contentType, kind, base64: true, decodingNote: null };
  if (kind === 'binary') return { text: '', truncated, contentType, kind, base64: false, decodingNote: `A binary body (${size.toLocaleString('en-US')} bytes): open the whole body to see it.` };
  const charset = charsetOf(contentType);
  let decodingNote: string | null = null;
  let text: string;
  try {
    // fatal: a body that is not what it claims is reported, then shown with replacement characters.
    text = strictDecoder(charset).decode(trimPartialCharacter(head, truncated, charset));
  } catch (error) {
    const known = !(error instanceof RangeError);
    text = new TextDecoder(known ? charset : 'utf-8').decode(head);
    decodingNote = known ? `The body is not valid ${charset}: shown with replacement characters (�).` : `The body's charset "${charset}" is unknown: shown as UTF-8.`;
  }
  return { text, truncated, contentType, kind, base64: false, decodingNote };
}

// A decoder (an ICU converter) per charset seen, made once: decode() without `stream` starts afresh each time.
const strictDecoders = new Map<string, TextDecoder>();

/** Throws RangeError for a charset TextDecoder does not know. */
function strictDecoder(charset: string): TextDecoder {
  let decoder = strictDecoders.get(charset);
  if (!decoder) {
    decoder = new TextDecoder(charset, { fatal: true });
    if (strictDecoders.size < 50) strictDecoders.set(charset, decoder);
  }
  return decoder;
}

/** A preview cut inside a UTF-8 character would fail to decode for no fault of the body. */
function trimPartialCharacter(head: Buffer, truncated: boolean, charset: string): Buffer {
  if (!truncated || (charset !== 'utf-8' && charset !== 'utf8')) return head;
  const end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = head[end - back]!;
    if ((byte & 0xc0) === 0xc0) return head.subarray(0, end - back);
    if ((byte & 0x80) === 0) break;
  }
  return head;
}
