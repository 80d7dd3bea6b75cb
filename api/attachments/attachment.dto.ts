import type { IAttachment } from '../../db/entities';
import { isImage } from '../../domain/attachments';

export function toAttachmentDto(a: IAttachment) {
  return {
    id: a.id,
    ticketId: a.ticket.id,
    attachedTo: a.attachedTo,
    ref: a.ref ?? null,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    visibleToHospital: a.visibleToHospital,
    uploadedById: a.uploadedBy.id,
    uploadedByName: a.uploadedBy.isInitialized() ? a.uploadedBy.getEntity().displayName : null,
    createdAt: a.createdAt.toISOString(),
    url: `/api/attachments/${a.id}`,
    thumbnailUrl: isImage(a.contentType) ? `/api/attachments/${a.id}/thumbnail` : null,
  };
}
export type AttachmentDto = ReturnType<typeof toAttachmentDto>;
