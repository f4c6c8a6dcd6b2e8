/** Messages to customers: SMTP when configured, otherwise files a developer can open. */
export { createMailer, readMailbox, type Mailer, type MailMessage, type MailerOptions, type StoredMail } from './mailer';
