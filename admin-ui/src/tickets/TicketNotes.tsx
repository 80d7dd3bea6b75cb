import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, type RefObject } from 'react';
import Chip from '@mui/material/Chip';
import { useFormContext, type UseFormReturn } from 'react-hook-form';
import { Form, required, RadioButtonGroupInput, SaveButton, TextInput, useNotify, usePermissions, useRefresh, useTranslate, maxLength } from 'react-admin';
import { noteAudienceChoices } from '../choices';
import { isRole } from '../roles';
import { useServerErrorHandler } from '../common/errors';
import { Section } from '../common/Section';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import { ByLine } from './TicketRecords';
import { PendingAttachments, usePendingFiles } from '../attachments/PendingAttachments';
import type { Note } from './types';
import { LIMITS } from '../../../domain/limits';

const validateText = [required(), maxLength(LIMITS.text)];
/** The note form starts empty, not from the ticket shown around it. */
const NO_RECORD = {};
const EMPTY_NOTE = { text: '', audience: 'internal' };

/** Hands the form's methods to the submit handler, which empties the form once a note is accepted. */
const FormMethods = ({ into }: { into: RefObject<UseFormReturn | null> }) => {
  const methods = useFormContext();
  useEffect(() => {
    into.current = methods;
  }, [into, methods]);
  return null;
};

const NoteInput = ({ staff }: { staff: boolean }) => (
  <>
    <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 1 }}>
      <TextInput source="text" label="desk.fields.text" multiline minRows={2} validate={validateText} helperText={false} sx={{ flex: 1, m: 0 }} />
      <SaveButton label="desk.actions.addNote" variant="outlined" sx={{ mt: 1 }} />
    </Stack>
    {/* Staff choose who reads it (internal unless they say otherwise); a hospital contact writes for the hospital. */}
    {staff && <RadioButtonGroupInput source="audience" label={false} choices={noteAudienceChoices} helperText={false} row sx={{ m: 0 }} />}
  </>
);

/** Which of the two a staff member reads: the hospital's notes are marked, the desk's are the default. */
const AudienceChip = ({ audience }: { audience: Note['audience'] }) => {
  const translate = useTranslate();
  return audience === 'hospital' ? <Chip size="small" color="info" variant="outlined" label={translate('choices.noteAudience.hospital')} sx={{ ml: 1 }} /> : <Chip size="small" variant="outlined" label={translate('choices.noteAudience.internal')} sx={{ ml: 1 }} />;
};

/** Notes at any step (备注), by anyone who can see the request, while it is open. */
export const TicketNotes = ({ ticketId, notes, canAdd }: { ticketId: string; notes: Note[]; canAdd: boolean }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const staff = !isRole(permissions, 'hospital_contact');
  const dataProvider = useDeskDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const handleError = useServerErrorHandler();
  const form = useRef<UseFormReturn | null>(null);
  const pending = usePendingFiles(ticketId);
  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.ticketAction(ticketId, 'notes', staff ? { text: values.text, audience: values.audience } : { text: values.text });
    } catch (error) {
      return handleError(error);
    }
    // Accepted: the form empties now, before the list can show the note (a poll may already have),
    // and only if it still holds what was sent: a next note begun meanwhile is the user's and stays.
    const methods = form.current;
    if (methods && methods.getValues('text') === values.text) methods.reset(EMPTY_NOTE);
    try {
      // The files go to the note just added (the server takes my latest note), seen by whom it is for.
      await pending.send({ attachedTo: 'note', visibleToHospital: !staff || values.audience === 'hospital' });
      notify('desk.actions.noteAdded', { type: 'success' });
    } catch (error) {
      handleError(error);
    }
    refresh();
  };
  return (
    <Section title="desk.show.notes">
      {notes.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('desk.show.nothing')}
        </Typography>
      ) : (
        <Stack spacing={1.5} sx={{ mb: 2 }}>
          {notes.map((note, index) => (
            <Box key={index} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {note.text}
              </Typography>
              <Stack direction="row" sx={{ alignItems: 'baseline' }}>
                <ByLine by={note.by} at={note.at} />
                {staff && <AudienceChip audience={note.audience ?? 'internal'} />}
              </Stack>
            </Box>
          ))}
        </Stack>
      )}
      {canAdd && (
        // Emptied by `submit` when my note is accepted, not when others add theirs while I type.
        <Form record={NO_RECORD} onSubmit={submit} defaultValues={EMPTY_NOTE}>
          <FormMethods into={form} />
          <NoteInput staff={staff} />
          <PendingAttachments pending={pending} followsNote />
        </Form>
      )}
    </Section>
  );
};
