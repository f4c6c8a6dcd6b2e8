import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../runtime/logger';
import { createMailer, readMailbox } from './mailer';

describe('the mailer without SMTP', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mail-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('writes each message to a file a developer can open and a test can read back', async () => {
    const mailer = createMailer({ directory, from: 'Velocity Cycles <shop@example.com>', logger: createLogger('mail', 'silent') });
    const long = 'Ihre Bestellung ist abholbereit: Straße 12, Größe M. '.repeat(6);
    const file = await mailer.send({ id: 'order:1/ready', to: 'jana@example.com', subject: 'Abholbereit – #1001', text: long });
    const [mail] = await readMailbox(directory);
    expect(mail.file).toBe(file);
    expect(mail.to).toBe('jana@example.com');
    expect(mail.body.replace(/\n/g, '')).toContain(long.trim());
  });

  it('writes one file per message id, however often it is sent', async () => {
    const mailer = createMailer({ directory, from: 'shop@example.com', logger: createLogger('mail', 'silent') });
    for (let i = 0; i < 3; i += 1) await mailer.send({ id: 'same', to: 'a@example.com', subject: 'Hello', text: 'once' });
    expect(await readMailbox(directory)).toHaveLength(1);
  });

  it('reads an empty mailbox when nothing was sent', async () => {
    expect(await readMailbox(join(directory, 'missing'))).toEqual([]);
  });
});

describe('the mailer with SMTP', () => {
  it('refuses an SMTP_URL it cannot read when it is made, not at the first message, without quoting it', () => {
    // A password with an unescaped "@" and a port that is not a number: the subgraph must not start and then lose every message.
    for (const smtpUrl of ['smtp://shop:p@ss@mail.example.com:submission', 'not a url']) {
      const make = () => createMailer({ smtpUrl, directory: tmpdir(), from: 'shop@example.com', logger: createLogger('mail', 'silent') });
      expect(make).toThrow(/^SMTP_URL is not a URL \(/);
      expect(make).not.toThrow(smtpUrl);
    }
  });

  it('accepts a well-formed SMTP_URL without connecting', () => {
    const logger = createLogger('mail', 'silent');
    expect(() =>
      createMailer({ smtpUrl: 'smtps://shop:p%40ss@mail.example.com:465', directory: tmpdir(), from: 'shop@example.com', logger }),
    ).not.toThrow();
  });
});
