import type { AttachedTo } from '../../../domain/attachments';

/** An attachment as GET /api/tickets/:id/attachments lists it. */
export interface Attachment {
  id: number;
  ticketId: string;
  attachedTo: AttachedTo;
  ref: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  visibleToHospital: boolean;
  uploadedById: number;
  uploadedByName: string | null;
  createdAt: string;
  url: string;
  thumbnailUrl: string | null;
}

/** Where a file goes, beside the ticket: a note (latest of mine) or a repair form task. */
export interface UploadTarget {
  attachedTo: AttachedTo;
  ref?: string;
  visibleToHospital: boolean;
}
