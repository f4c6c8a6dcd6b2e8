import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import type { Logger } from '../runtime/logger';

/** One message to a customer. `id` names it: sending the same id twice writes one file. */
export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Sends the message; resolves with where it went (an SMTP message id or a file path). */
  send(message: MailMessage): Promise<string>;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:587`; when absent, messages are written to `directory` instead. */
  smtpUrl?: string | null;
  /** Where messages are written when there is no SMTP server, e.g. `.data/mail`. */
  directory: string;
  from: string;
  logger: Logger;
}

/**
 * Sends customer messages through nodemailer: to SMTP_URL when one is set, otherwise into a
 * folder as `.eml` files (one per message id, logged with their path) so a developer can open
 * what a customer would have received and tests can read it.
 */
export function createMailer(options: MailerOptions): Mailer {
  // nodemailer is loaded with the first message, not with the process: most processes that can send mail rarely do.
  const nodemailer = () => import('nodemailer');
  if (options.smtpUrl) {
    const smtpUrl = options.smtpUrl;
    // Read now, as nodemailer's createTransport did when it ran here: a bad SMTP_URL stops the process at start, not every message later.
    // Not quoted: it may hold a password.
    if (!URL.canParse(smtpUrl))
      throw new Error('SMTP_URL is not a URL (smtp://user:password@host:port, with "@" in a password written %40)');
    let transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
    return {
      send: async (message) => {
        transport ??= nodemailer().then(({ createTransport }) => createTransport(smtpUrl, { from: options.from }));
        const info = await (await transport).sendMail({ ...message, messageId: `<${message.id}@commerce>` });
        options.logger.info({ to: message.to, subject: message.subject, messageId: info.messageId }, 'mail sent');
        return info.messageId;
      },
    };
  }
  let transport: Promise<Transporter<StreamTransport.SentMessageInfo>> | undefined;
  return {
    send: async (message) => {
      transport ??= nodemailer().then(({ createTransport }) =>
        createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from: options.from }),
      );
      const info = await (await transport).sendMail({ ...message, messageId: `<${message.id}@commerce>` });
      await mkdir(options.directory, { recursive: true });
      const file = join(options.directory, `${safeName(message.id)}.eml`);
      await writeFile(file, info.message as Buffer);
      options.logger.info({ to: message.to, subject: message.subject, file }, 'mail written (no SMTP_URL set)');
      return file;
    },
  };
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** What a message written to a folder says: for tests and for a developer's own look. */
export interface StoredMail {
  file: string;
  to: string;
  subject: string;
  body: string;
}

/** Reads the messages a file-writing mailer left in `directory` (tests use it). */
export async function readMailbox(directory: string): Promise<StoredMail[]> {
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => name.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name) => {
      const raw = await readFile(join(directory, name), 'utf8');
      const [head, ...rest] = raw.split('\n\n');
      const header = (field: string) => new RegExp(`^${field}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
      return { file: join(directory, name), to: header('To'), subject: header('Subject'), body: decodeBody(rest.join('\n\n'), head) };
    }),
  );
}

function decodeBody(body: string, head: string): string {
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    // Soft line breaks out, then =XX escapes as bytes, read as UTF-8 (an umlaut is two escapes).
    const joined = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < joined.length; i += 1) {
      const escape = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
      if (escape) {
        bytes.push(parseInt(escape[0], 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(joined[i], 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}
