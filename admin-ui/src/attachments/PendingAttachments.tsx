import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { FilePicker } from './FilePicker';
import { attachmentsKey } from './TicketAttachments';
import type { UploadTarget } from './types';
import { uploadAll } from './upload';
import { VisibilitySwitch } from './VisibilitySwitch';

/**
 * Files chosen in a form (a note, a repair form) that go up with it: `send` uploads them to the
 * ticket as `target` says and forgets them; it throws the server's refusal, for the form to show.
 */
export const usePendingFiles = (ticketId: string) => {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [forHospital, setForHospital] = useState(false);
  const send = useCallback(
    // A note's files follow the note's audience (given); a form's follow the switch.
    async (target: Omit<UploadTarget, 'visibleToHospital'> & { visibleToHospital?: boolean }) => {
      if (!files.length) return;
      try {
        await uploadAll(ticketId, files, { ...target, visibleToHospital: target.visibleToHospital ?? forHospital });
        setFiles([]);
      } finally {
        await queryClient.invalidateQueries({ queryKey: attachmentsKey(ticketId) });
      }
    },
    [files, forHospital, queryClient, ticketId],
  );
  return useMemo(() => ({ files, setFiles, forHospital, setForHospital, send }), [files, forHospital, send]);
};

/** The picker of a form's files, with the staff's visibility choice unless the files follow their note's. */
export const PendingAttachments = ({ pending, followsNote = false }: { pending: ReturnType<typeof usePendingFiles>; followsNote?: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('desk.attachments.withForm')}
      </Typography>
      {!followsNote && <VisibilitySwitch value={pending.forHospital} onChange={pending.setForHospital} />}
      <FilePicker pending={pending.files} onFiles={(f) => pending.setFiles((old) => [...old, ...f])} onRemove={(i) => pending.setFiles((old) => old.filter((_, j) => j !== i))} />
    </>
  );
};
