import AddPhotoAlternateIcon from '@mui/icons-material/AddPhotoAlternate';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useTranslate } from 'react-admin';
import { MAX_ATTACHMENT_BYTES } from '../../../domain/attachments';

const MIB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/** A pasted screenshot has no name of its own: give it one with the time, so a list of them reads. */
const named = (f: File) => (f.name && f.name !== 'image.png' ? f : new File([f], `screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png`, { type: f.type }));

interface FilePickerProps {
  /** Called with the files dropped, pasted, chosen or photographed. */
  onFiles: (files: File[]) => void;
  /** Files waiting to go with a form (shown as chips the user can take back). */
  pending?: File[];
  onRemove?: (index: number) => void;
  disabled?: boolean;
}

/**
 * Drop files here, paste a screenshot (Ctrl+V with the zone focused), choose files, or on a phone
 * take a photo (`capture` opens the camera). Size is checked here to save a wasted upload; the
 * server checks size and type again, by content.
 */
export const FilePicker = ({ onFiles, pending, onRemove, disabled }: FilePickerProps) => {
  const translate = useTranslate();
  const choose = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [tooBig, setTooBig] = useState<string[]>([]);
  const take = (list: FileList | File[] | null | undefined) => {
    const files = [...(list ?? [])].map(named);
    setTooBig(files.filter((f) => f.size > MAX_ATTACHMENT_BYTES).map((f) => f.name));
    const ok = files.filter((f) => f.size <= MAX_ATTACHMENT_BYTES);
    if (ok.length) onFiles(ok);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files);
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.items].filter((i) => i.kind === 'file').map((i) => i.getAsFile()).filter((f): f is File => !!f);
    if (files.length && !disabled) {
      e.preventDefault();
      take(files);
    }
  };
  return (
    <Box
      data-testid="attachment-drop"
      tabIndex={0}
      role="group"
      aria-label={translate('desk.attachments.dropHere')}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      onPaste={onPaste}
      sx={{ border: 2, borderStyle: 'dashed', borderColor: over ? 'primary.main' : 'divider', borderRadius: 1, p: 1.5, outline: 'none', '&:focus': { borderColor: 'primary.light' } }}
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('desk.attachments.dropHere')} {translate('desk.attachments.limits', { mib: MIB })}
      </Typography>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button size="small" variant="outlined" startIcon={<AttachFileIcon />} onClick={() => choose.current?.click()} disabled={disabled}>
          {translate('desk.attachments.choose')}
        </Button>
        <Button size="small" variant="outlined" startIcon={<PhotoCameraIcon />} onClick={() => camera.current?.click()} disabled={disabled}>
          {translate('desk.attachments.photo')}
        </Button>
      </Stack>
      <input ref={choose} type="file" multiple hidden data-testid="attachment-input" onChange={(e) => (take(e.target.files), (e.target.value = ''))} />
      <input ref={camera} type="file" accept="image/*" capture="environment" hidden data-testid="attachment-camera" onChange={(e) => (take(e.target.files), (e.target.value = ''))} />
      {tooBig.length > 0 && (
        <Typography variant="body2" color="error" sx={{ mt: 1 }}>
          {translate('desk.attachments.tooBig', { names: tooBig.join('、'), mib: MIB })}
        </Typography>
      )}
      {pending && pending.length > 0 && (
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', mt: 1 }}>
          {pending.map((f, i) => (
            <Chip key={`${f.name}-${i}`} size="small" icon={<AddPhotoAlternateIcon />} label={f.name} onDelete={onRemove ? () => onRemove(i) : undefined} />
          ))}
        </Stack>
      )}
    </Box>
  );
};
