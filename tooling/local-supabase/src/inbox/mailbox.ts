// The local inbox's messages: what auth "sends" lands here instead of on the internet, as
// `supabase start`'s Mailpit catches it. Kept in memory; the newest few hundred are enough locally.
import { randomUUID } from 'node:crypto';

export interface Address {
  Name: string;
  Address: string;
}

export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A caught message, in the field names of Mailpit's API (so tools written for it work here). */
export interface Message {
  ID: string;
  From: Address;
  To: Address[];
  Subject: string;
  Created: string;
  Text: string;
  HTML: string;
}

const MAX_MESSAGES = 500;

export class Mailbox {
  private readonly messages: Message[] = [];

  /** Keeps `mail`, dropping the oldest beyond MAX_MESSAGES. */
  deliver(mail: Mail): Message {
    const message: Message = {
      ID: randomUUID(),
      From: { Name: '', Address: mail.from },
      To: [{ Name: '', Address: mail.to }],
      Subject: mail.subject,
      Created: new Date().toISOString(),
      Text: mail.text,
      HTML: mail.html,
    };
    this.messages.unshift(message);
    this.messages.length = Math.min(this.messages.length, MAX_MESSAGES);
    return message;
  }

  /** Newest first; `to` keeps only messages to that address (case-insensitive). */
  list(to?: string): Message[] {
    if (!to) return [...this.messages];
    const wanted = to.toLowerCase();
    return this.messages.filter((message) =>
      message.To.some((address) => address.Address.toLowerCase() === wanted),
    );
  }

  get(id: string): Message | undefined {
    return this.messages.find((message) => message.ID === id);
  }

  clear(): void {
    this.messages.length = 0;
  }
}
