import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SignaturePad from 'signature_pad';
import { useEffect, useRef } from 'react';
import { useInput, useTranslate, type Validator } from 'react-admin';
import { MAX_SIGNATURE_CHARS } from '../../../domain/limits';

export { MAX_SIGNATURE_CHARS };

/**
 * The pad's drawing as a PNG data URL. Drawn at device resolution for a crisp line; if that is
 * over the limit (very dense screens), the same drawing at CSS-pixel size.
 */
const exportPng = (pad: SignaturePad, canvas: HTMLCanvasElement): string | null => {
  if (pad.isEmpty()) return null;
  const full = pad.toDataURL('image/png');
  if (full.length <= MAX_SIGNATURE_CHARS) return full;
  const small = document.createElement('canvas');
  small.width = canvas.offsetWidth;
  small.height = canvas.offsetHeight;
  const ctx = small.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, small.width, small.height);
  ctx.drawImage(canvas, 0, 0, small.width, small.height);
  const reduced = small.toDataURL('image/png');
  return reduced.length <= MAX_SIGNATURE_CHARS ? reduced : null;
};

interface SignaturePadInputProps {
  source: string;
  validate?: Validator | Validator[];
}

/**
 * A signature pad (signature_pad) bound to a form field: mouse, pen and touch through pointer
 * events; the canvas backing store sized for devicePixelRatio and resized with its box without
 * losing the strokes; a preview of exactly the image that will be sent; a clear button.
 */
export const SignaturePadInput = ({ source, validate }: SignaturePadInputProps) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source, validate, defaultValue: null });
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(field.onChange);
  onChangeRef.current = field.onChange;
  const tooLarge = useRef(false);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePad(canvas, { penColor: '#0b1f4d', backgroundColor: 'rgb(255,255,255)', minWidth: 0.8, maxWidth: 2.8 });
    padRef.current = pad;
    const resize = () => {
      if (!canvas.offsetWidth || !canvas.offsetHeight) return;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = Math.round(canvas.offsetWidth * ratio);
      const height = Math.round(canvas.offsetHeight * ratio);
      if (canvas.width === width && canvas.height === height) return;
      const strokes = pad.toData();
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')!.scale(ratio, ratio);
      pad.clear();
      if (strokes.length) pad.fromData(strokes);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    const onEnd = () => {
      const image = exportPng(pad, canvas);
      tooLarge.current = !pad.isEmpty() && image === null;
      onChangeRef.current(image);
    };
    pad.addEventListener('endStroke', onEnd);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    tooLarge.current = false;
    field.onChange(null);
  };

  const image: string | null = field.value || null;
  const error = fieldState.error?.message;
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        {translate('desk.signature.pad')}
      </Typography>
      <Box
        component="canvas"
        ref={canvasRef}
        aria-label={translate('desk.fields.image')}
        role="img"
        sx={{
          display: 'block',
          width: '100%',
          maxWidth: 640,
          height: 220,
          border: 2,
          borderStyle: 'dashed',
          borderColor: fieldState.invalid ? 'error.main' : 'divider',
          borderRadius: 1,
          bgcolor: '#fff',
          cursor: 'crosshair',
          // Touch and pen draw instead of scrolling the page.
          touchAction: 'none',
          userSelect: 'none',
        }}
      />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mt: 1, flexWrap: 'wrap' }}>
        <Button size="small" variant="outlined" onClick={clear} disabled={!image}>
          {translate('desk.signature.clear')}
        </Button>
        {image && (
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
            <Typography variant="caption" color="text.secondary">
              {translate('desk.signature.preview')}
            </Typography>
            <Box
              component="img"
              src={image}
              alt={translate('desk.signature.preview')}
              sx={{ height: 60, border: 1, borderColor: 'divider', borderRadius: 0.5, bgcolor: '#fff' }}
            />
          </Stack>
        )}
      </Stack>
      {(error || tooLarge.current) && (
        <FormHelperText error>{translate(tooLarge.current ? 'desk.signature.tooLarge' : (error ?? ''), { _: error })}</FormHelperText>
      )}
    </Box>
  );
};
