import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import {
  formatBytes,
  isProblemLine,
  lineTooLongReason,
  readNdjsonLines,
  type NdjsonLine,
  type NdjsonSource,
} from './ndjson-lines.js';

const MiB = 1024 * 1024;

async function readAll(source: NdjsonSource, maxLineBytes = MiB): Promise<NdjsonLine[]> {
  const lines: NdjsonLine[] = [];
  for await (const line of readNdjsonLines(source, { maxLineBytes })) lines.push(line);
  return lines;
}

async function* chunks(
  ...parts: (Buffer | Uint8Array | string)[]
): AsyncGenerator<Buffer | Uint8Array | string> {
  for (const part of parts) yield part;
}

/** Every way of cutting the bytes into two chunks, plus one byte per chunk. */
function splits(bytes: Buffer): Buffer[][] {
  const result: Buffer[][] = [[bytes], Array.from(bytes, (byte) => Buffer.from([byte]))];
  for (let at = 1; at < bytes.length; at++) result.push([bytes.subarray(0, at), bytes.subarray(at)]);
  return result;
}

/** A garbage collector for the memory test (V8's --expose-gc, switched on at run time). */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('readNdjsonLines', () => {
  it('yields each non-blank line with its 1-based physical line number', async () => {
    const input = '{"a":1}\n\n   \n{"b":"研究シーズ"}\n\t\n{"c":"seed"}\n';
    expect(await readAll(chunks(input))).toEqual([
      { lineNumber: 1, text: '{"a":1}' },
      { lineNumber: 4, text: '{"b":"研究シーズ"}' },
      { lineNumber: 6, text: '{"c":"seed"}' },
    ]);
  });

  it('reads a last line without a trailing newline', async () => {
    expect(await readAll(chunks('{"a":1}\n{"b":2}'))).toEqual([
      { lineNumber: 1, text: '{"a":1}' },
      { lineNumber: 2, text: '{"b":2}' },
    ]);
  });

  it('yields nothing for an empty or all-blank input', async () => {
    expect(await readAll(chunks())).toEqual([]);
    expect(await readAll(chunks(''))).toEqual([]);
    expect(await readAll(chunks('\n\n\r\n  \n'))).toEqual([]);
  });

  it('handles \\r\\n line ends, keeping a \\r that is not before \\n', async () => {
    expect(await readAll(chunks('{"ja":"鶴岡"}\r\n\r\n{"en":"Tsuruoka"}\r\n{"x":1}\r'))).toEqual([
      { lineNumber: 1, text: '{"ja":"鶴岡"}' },
      { lineNumber: 3, text: '{"en":"Tsuruoka"}' },
      { lineNumber: 4, text: '{"x":1}' },
    ]);
    expect(await readAll(chunks('a\rb\n'))).toEqual([{ lineNumber: 1, text: 'a\rb' }]);
  });

  it('accepts Buffer, Uint8Array and string chunks, and sync iterables', async () => {
    const expected = [
      { lineNumber: 1, text: 'one' },
      { lineNumber: 2, text: '二' },
    ];
    expect(await readAll(chunks(Buffer.from('one\n'), new TextEncoder().encode('二\n')))).toEqual(expected);
    expect(await readAll(chunks('one\n', '二'))).toEqual(expected);
    // A Uint8Array that is a window on a larger buffer
    const backing = Buffer.from('xxone\n二\nyy');
    expect(
      await readAll([new Uint8Array(backing.buffer, backing.byteOffset + 2, backing.length - 4)]),
    ).toEqual(expected);
  });

  it('gives the same lines however the input is cut into chunks (multi-byte characters, \\r\\n)', async () => {
    const bytes = Buffer.from(
      '{"name":{"ja":"慶應義塾大学先端生命科学研究所"}}\r\n\n{"en":"Keio 🧬"}\r\n日本\n',
    );
    const expected = await readAll(chunks(bytes));
    expect(expected).toEqual([
      { lineNumber: 1, text: '{"name":{"ja":"慶應義塾大学先端生命科学研究所"}}' },
      { lineNumber: 3, text: '{"en":"Keio 🧬"}' },
      { lineNumber: 4, text: '日本' },
    ]);
    for (const parts of splits(bytes)) expect(await readAll(chunks(...parts))).toEqual(expected);
  });

  it('decodes a character split across chunks and a \\r\\n split between chunks', async () => {
    const ja = Buffer.from('鶴岡市'); // 3 bytes per character
    expect(
      await readAll(
        chunks(
          ja.subarray(0, 1),
          ja.subarray(1, 4),
          Buffer.concat([ja.subarray(4), Buffer.from('\r')]),
          '\nx',
        ),
      ),
    ).toEqual([
      { lineNumber: 1, text: '鶴岡市' },
      { lineNumber: 2, text: 'x' },
    ]);
    expect(await readAll(chunks('a', '\n', '', '\n', 'b'))).toEqual([
      { lineNumber: 1, text: 'a' },
      { lineNumber: 3, text: 'b' },
    ]);
  });

  it('reports invalid UTF-8 for that line only and goes on', async () => {
    const input = Buffer.concat([
      Buffer.from('{"ok":1}\n'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n{"ja":"'),
      Buffer.from([0xe6, 0x97]), // a three-byte sequence cut short
      Buffer.from('"}\n'),
      Buffer.from([0xc0, 0xaf]), // overlong encoding of "/"
      Buffer.from('\n'),
      Buffer.from([0xed, 0xa0, 0x80]), // a UTF-16 surrogate encoded as UTF-8
      Buffer.from('\n{"ok":2}\n'),
      Buffer.from([0xe6, 0x97]), // the file ends inside a character
    ]);
    const expected = [
      { lineNumber: 1, text: '{"ok":1}' },
      { lineNumber: 2, problem: 'not valid UTF-8' },
      { lineNumber: 3, problem: 'not valid UTF-8' },
      { lineNumber: 4, problem: 'not valid UTF-8' },
      { lineNumber: 5, problem: 'not valid UTF-8' },
      { lineNumber: 6, text: '{"ok":2}' },
      { lineNumber: 7, problem: 'not valid UTF-8' },
    ];
    expect(await readAll(chunks(input))).toEqual(expected);
    expect(await readAll(chunks(...Array.from(input, (byte) => Buffer.from([byte]))))).toEqual(expected);
  });

  it('ignores a byte order mark at the start of the input only', async () => {
    expect(
      await readAll(chunks(Buffer.from([0xef, 0xbb]), Buffer.from([0xbf]), '{"a":1}\n\ufeff{"b":2}\n')),
    ).toEqual([
      { lineNumber: 1, text: '{"a":1}' },
      { lineNumber: 2, text: '\ufeff{"b":2}' },
    ]);
  });

  it('enforces maxLineBytes in bytes, not counting the line end', async () => {
    // "鶴" is 3 bytes: "鶴鶴鶴x" is 10 bytes
    const lines = await readAll(chunks('鶴鶴鶴x\n鶴鶴鶴xy\r\n鶴鶴鶴x\r\n0123456789\r', '\n01234567890'), 10);
    expect(lines).toEqual([
      { lineNumber: 1, text: '鶴鶴鶴x' },
      { lineNumber: 2, problem: 'line is longer than 10 bytes' },
      { lineNumber: 3, text: '鶴鶴鶴x' },
      { lineNumber: 4, text: '0123456789' },
      { lineNumber: 5, problem: 'line is longer than 10 bytes' },
    ]);
  });

  it('reports a long line split over many chunks once and keeps counting lines', async () => {
    const long = 'x'.repeat(100);
    const parts = ['{"a":1}\n', ...long.match(/.{1,7}/g)!, '\n\n{"b":2}'];
    expect(await readAll(chunks(...parts), 64)).toEqual([
      { lineNumber: 1, text: '{"a":1}' },
      { lineNumber: 2, problem: 'line is longer than 64 bytes' },
      { lineNumber: 4, text: '{"b":2}' },
    ]);
  });

  it('describes the limit in readable units', () => {
    expect(lineTooLongReason(MiB)).toBe('line is longer than 1 MiB');
    expect(formatBytes(64 * 1024)).toBe('64 KiB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });

  it('rejects a nonsensical limit', async () => {
    await expect(readAll(chunks('a'), 0)).rejects.toThrow(RangeError);
  });

  it('reports a 10 MB single line without holding it in memory', async () => {
    const gc = exposeGc();
    const chunkSize = 64 * 1024;
    const lineBytes = 10 * 1000 * 1000;
    let peak = 0;
    let baseline = 0;
    const usage = () => {
      const memory = process.memoryUsage();
      return memory.heapUsed + memory.arrayBuffers;
    };
    async function* hugeLine(): AsyncGenerator<Buffer> {
      yield Buffer.from(
        '{"kind":"program","externalId":"p1","name":{"ja":"鶴岡"}}\n{"kind":"seed","summary":{"ja":"',
      );
      let sent = 0;
      for (let index = 0; sent < lineBytes; index++) {
        // A fresh buffer each time, as a file stream gives: the reader must let go of it.
        const chunk = Buffer.alloc(Math.min(chunkSize, lineBytes - sent), 'a');
        sent += chunk.length;
        if (index % 16 === 0) {
          gc();
          peak = Math.max(peak, usage() - baseline);
        }
        yield chunk;
      }
      yield Buffer.from('"}}\n{"kind":"program","externalId":"p2","name":{"en":"Kampo"}}\n');
    }

    gc();
    baseline = usage();
    const lines = await readAll(hugeLine(), MiB);
    expect(lines).toEqual([
      { lineNumber: 1, text: '{"kind":"program","externalId":"p1","name":{"ja":"鶴岡"}}' },
      { lineNumber: 2, problem: 'line is longer than 1 MiB' },
      { lineNumber: 3, text: '{"kind":"program","externalId":"p2","name":{"en":"Kampo"}}' },
    ]);
    expect(lines.filter(isProblemLine)).toHaveLength(1);
    // At most about one line (1 MiB) plus a chunk is held, never the 10 MB; the margin absorbs
    // V8's lazy accounting of freed buffers. (Buffering the whole line measures over 16 MB.)
    expect(peak).toBeLessThan(5 * MiB);
  });
});
