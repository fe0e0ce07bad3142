/**
 * Taskwire's emails: rendered as HTML and text parts and sent through SES v2 (`SendEmail`, simple
 * content) from SENDER_EMAIL. The link back to the task is WEB_URL + /p/<projectId>?task=<taskId>.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { sesClient } from './clients.ts';
import { requireEnv } from './env.ts';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The web client's page of a task, or null when WEB_URL is not set. */
export function taskUrl(projectId: string, taskId: string): string | null {
  const base = process.env.WEB_URL;
  if (!base) return null;
  // The web client opens a task as a drawer over its project's board (client/src/router.ts).
  return `${base.replace(/\/+$/, '')}/p/${encodeURIComponent(projectId)}?task=${encodeURIComponent(taskId)}`;
}

/** An email of a heading, lines and an optional link, in both parts. */
export function render(input: { to: string; subject: string; heading: string; lines: string[]; link?: { url: string; label: string } | null; footer?: string }): Email {
  const footer = input.footer ?? 'You get this email because of your Taskwire notification settings (turn email off in your profile).';
  const text = [input.heading, '', ...input.lines.map((l) => `- ${l}`), '', ...(input.link ? [`${input.link.label}: ${input.link.url}`, ''] : []), footer].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2>${escapeHtml(input.heading)}</h2>`,
    '<ul>',
    ...input.lines.map((l) => `<li>${escapeHtml(l)}</li>`),
    '</ul>',
    input.link ? `<p><a href="${escapeHtml(input.link.url)}">${escapeHtml(input.link.label)}</a></p>` : '',
    `<p style="color:#666;font-size:small">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: input.to, subject: input.subject, text, html };
}

/** Sends one email; answers SES's MessageId. */
export async function send(email: Email): Promise<string | undefined> {
  const r = await sesClient().send(
    new SendEmailCommand({
      FromEmailAddress: requireEnv('SENDER_EMAIL'),
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      },
    }),
  );
  return r.MessageId;
}
