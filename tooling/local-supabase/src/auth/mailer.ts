// The mails auth sends, in the wording of GoTrue's default templates, delivered to the local
// inbox. Each carries both a link (to /auth/v1/verify) and the 6-digit code verifyOtp takes.
import type { Logger } from '@alawein/logger';
import type { Mailbox } from '../inbox/mailbox.ts';

export type MailKind = 'confirmation' | 'recovery' | 'magic_link' | 'email_change';

const TEMPLATES: Record<
  MailKind,
  { subject: string; heading: string; lead: string; action: string }
> = {
  confirmation: {
    subject: 'Confirm Your Signup',
    heading: 'Confirm your signup',
    lead: 'Follow this link to confirm your user:',
    action: 'Confirm your mail',
  },
  recovery: {
    subject: 'Reset Your Password',
    heading: 'Reset Password',
    lead: 'Follow this link to reset the password for your user:',
    action: 'Reset Password',
  },
  magic_link: {
    subject: 'Your Magic Link',
    heading: 'Magic Link',
    lead: 'Follow this link to login:',
    action: 'Log In',
  },
  email_change: {
    subject: 'Confirm Email Change',
    heading: 'Confirm Change of Email',
    lead: 'Follow this link to confirm the update of your email:',
    action: 'Change Email',
  },
};

const SENDER = 'admin@email.com';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char,
  );

export interface Mailer {
  send(kind: MailKind, to: string, content: { link: string; otp: string; detail?: string }): void;
}

/** Delivers to `mailbox`; without one (`[local_smtp] enabled = false`) says where mail went. */
export function createMailer(mailbox: Mailbox | undefined, logger: Logger): Mailer {
  return {
    send(kind, to, { link, otp, detail }) {
      const template = TEMPLATES[kind];
      if (!mailbox) {
        logger.warn(
          'auth mail not delivered: the local inbox is disabled ([local_smtp] enabled = false)',
          {
            to,
            subject: template.subject,
          },
        );
        return;
      }
      const lead = detail ? `${template.lead} ${detail}` : template.lead;
      mailbox.deliver({
        from: SENDER,
        to,
        subject: template.subject,
        text: `${template.heading}\n\n${lead}\n${link}\n\nAlternatively, enter the code: ${otp}\n`,
        html:
          `<h2>${escapeHtml(template.heading)}</h2><p>${escapeHtml(lead)}</p>` +
          `<p><a href="${escapeHtml(link)}">${escapeHtml(template.action)}</a></p>` +
          `<p>Alternatively, enter the code: ${otp}</p>`,
      });
    },
  };
}
