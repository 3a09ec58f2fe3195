import { SMTPServer } from 'smtp-server';

export interface Delivered {
  to: string[];
  /** The raw message as it crossed SMTP. */
  data: string;
}

/** A real SMTP server on a free local port that keeps what it is sent (point SMTP_URL at `url`). */
export async function startSmtpInbox(): Promise<{
  url: string;
  received: Delivered[];
  close(): Promise<void>;
}> {
  const received: Delivered[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The plain text of a delivered message (its text/plain part if multipart), transfer encoding undone. */
export function textOf(raw: string): string {
  return partOf(raw, 'text/plain') ?? decoded(raw);
}

/** The HTML part of a delivered multipart message, if any. */
export function htmlOf(raw: string): string | undefined {
  return partOf(raw, 'text/html');
}

function partOf(raw: string, type: string): string | undefined {
  const boundary = /boundary="?([^"\r\n;]+)"?/i.exec(raw.slice(0, raw.indexOf('\r\n\r\n')))?.[1];
  if (!boundary) return undefined;
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    const start = part.replace(/^\r\n/, '');
    if (new RegExp(`^content-type:\\s*${type}`, 'im').test(start.slice(0, start.indexOf('\r\n\r\n'))))
      return decoded(start.replace(/\r\n$/, ''));
  }
  return undefined;
}

function decoded(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
