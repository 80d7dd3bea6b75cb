import { HttpError } from 'react-admin';
import { API_URL, localiseHttpError } from '../dataProvider';
import type { Attachment, UploadTarget } from './types';

/** POST /api/tickets/:id/attachments as multipart (the browser sets the boundary); errors in the user's language. */
export async function uploadAttachment(ticketId: string, file: File, target: UploadTarget): Promise<Attachment> {
  const form = new FormData();
  form.set('file', file, file.name || 'screenshot.png');
  form.set('attachedTo', target.attachedTo);
  if (target.ref) form.set('ref', target.ref);
  form.set('visibleToHospital', String(target.visibleToHospital));
  const res = await fetch(`${API_URL}/tickets/${encodeURIComponent(ticketId)}/attachments`, { method: 'POST', body: form, credentials: 'include' });
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw localiseHttpError(new HttpError((body as { message?: string } | undefined)?.message ?? res.statusText, res.status, body));
  return body as Attachment;
}

/** Uploads one after another (a phone's connection is one pipe); the first refusal stops the rest. */
export async function uploadAll(ticketId: string, files: File[], target: UploadTarget): Promise<Attachment[]> {
  const done: Attachment[] = [];
  for (const f of files) done.push(await uploadAttachment(ticketId, f, target));
  return done;
}
