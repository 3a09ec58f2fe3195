/**
 * Streaming NDJSON line reader: splits a byte stream into physical lines with
 * bounded memory, whatever the size of the input.
 *
 * - Lines end with "\n"; a "\r" just before it is dropped ("\r\n" files work).
 * - A last line without a trailing newline is read like any other.
 * - Blank (whitespace-only) lines are skipped but still counted: line numbers
 *   are 1-based physical lines, so they match what an editor shows.
 * - A line longer than maxLineBytes is reported and its remaining bytes are
 *   skipped as they arrive, never buffered: at most maxLineBytes + 1 bytes of
 *   the current line are held, plus the chunk being scanned.
 * - Each line is decoded on its own with a fatal UTF-8 decoder, so a bad byte
 *   sequence is reported for its line only, and a multi-byte character split
 *   across two chunks is decoded correctly.
 * - A UTF-8 byte order mark at the very start of the input is ignored.
 */

export interface NdjsonReadOptions {
  /** Longest accepted line in bytes, not counting its line end. */
  maxLineBytes: number;
}

export interface NdjsonTextLine {
  lineNumber: number;
  text: string;
}

export interface NdjsonProblemLine {
  lineNumber: number;
  problem: string;
}

export type NdjsonLine = NdjsonTextLine | NdjsonProblemLine;

export type NdjsonSource =
  AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BYTE_ORDER_MARK = '\ufeff';
const INITIAL_CAPACITY = 4096;

export const NOT_UTF8 = 'not valid UTF-8';

/** "line is longer than 1 MiB" for 1,048,576; falls back to KiB or bytes. */
export function lineTooLongReason(maxLineBytes: number): string {
  return `line is longer than ${formatBytes(maxLineBytes)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** True for the reader's "{ lineNumber, problem }" results. */
export function isProblemLine(line: NdjsonLine): line is NdjsonProblemLine {
  return 'problem' in line;
}

/** The bytes of the line being read; grows up to a fixed cap and is reused between lines. */
class LineBuffer {
  private bytes: Uint8Array;
  length = 0;

  constructor(private readonly cap: number) {
    this.bytes = new Uint8Array(Math.min(INITIAL_CAPACITY, cap));
  }

  /** Appends the bytes, or returns false (keeping nothing more) when they would pass the cap. */
  append(chunk: Uint8Array, start: number, end: number): boolean {
    const count = end - start;
    if (count === 0) return true;
    const needed = this.length + count;
    if (needed > this.cap) return false;
    if (needed > this.bytes.length) {
      let capacity = this.bytes.length || 1;
      while (capacity < needed) capacity *= 2;
      const grown = new Uint8Array(Math.min(capacity, this.cap));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(chunk.subarray(start, end), this.length);
    this.length = needed;
    return true;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
    // Don't keep a huge buffer around after one long line.
    if (this.bytes.length > 64 * INITIAL_CAPACITY) this.bytes = new Uint8Array(INITIAL_CAPACITY);
  }
}

export async function* readNdjsonLines(
  source: NdjsonSource,
  options: NdjsonReadOptions,
): AsyncGenerator<NdjsonLine, void, undefined> {
  const { maxLineBytes } = options;
  if (!Number.isSafeInteger(maxLineBytes) || maxLineBytes < 1)
    throw new RangeError('maxLineBytes must be a positive integer');
  const tooLong = lineTooLongReason(maxLineBytes);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // One extra byte: the "\r" of a "\r\n" ending may be buffered before the "\n" shows it is not content.
  const pending = new LineBuffer(maxLineBytes + 1);
  let lineNumber = 1;
  let overflowing = false; // the current line passed the limit: its remaining bytes are dropped

  const finishLine = (bytes: Uint8Array): NdjsonLine | undefined => {
    const number = lineNumber++;
    if (overflowing) {
      overflowing = false;
      return { lineNumber: number, problem: tooLong };
    }
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === CARRIAGE_RETURN) end--;
    if (end > maxLineBytes) return { lineNumber: number, problem: tooLong };
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(0, end));
    } catch {
      return { lineNumber: number, problem: NOT_UTF8 };
    }
    if (number === 1 && text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
    if (text.trim() === '') return undefined;
    return { lineNumber: number, text };
  };

  for await (const piece of source) {
    const chunk = toBuffer(piece);
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      let complete: Uint8Array | undefined;
      if (!overflowing) {
        if (newline !== -1 && pending.length === 0) {
          // The whole line is inside this chunk: decode it in place, without copying.
          complete = chunk.subarray(start, end);
        } else if (!pending.append(chunk, start, end)) {
          overflowing = true;
          pending.clear();
        } else if (newline !== -1) {
          complete = pending.view();
        }
      }
      if (newline === -1) break;
      const line = finishLine(complete ?? new Uint8Array(0));
      pending.clear();
      if (line) yield line;
      start = newline + 1;
    }
  }
  if (overflowing || pending.length > 0) {
    const line = finishLine(pending.view());
    pending.clear();
    if (line) yield line;
  }
}

function toBuffer(piece: Buffer | Uint8Array | string): Buffer {
  if (typeof piece === 'string') return Buffer.from(piece, 'utf8');
  if (Buffer.isBuffer(piece)) return piece;
  return Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
}
