import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Form, maxLength, TextInput, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { SUBMIT_KEYS } from '../../../domain/inspection/steps';
import type { TemplateItem } from '../../../domain/inspection/templates';
import { LIMITS } from '../../../domain/limits';
import type { FieldErrors } from '../common/errors';
import { ResultToggleInput } from './ResultToggleInput';
import type { InspectionDetail } from './types';
import { useInspectionStep } from './useInspectionStep';

const NO_RECORD = {};
const isSubmitKey = (key: string) => (SUBMIT_KEYS as readonly string[]).includes(key);

/** The items the engineer fills here, in template order: their index is the API's `items.N`. */
const fillable = (i: InspectionDetail): { section: string; item: TemplateItem }[] =>
  i.template.sections.flatMap((s) => s.items.filter((item) => !isSubmitKey(item.key)).map((item) => ({ section: s.title, item })));

/** The template's own name for the summary or advice (安全检查 asks for 改进意见), else the desk's word. */
const closingLabel = (i: InspectionDetail, key: (typeof SUBMIT_KEYS)[number]): string =>
  i.template.sections.flatMap((s) => s.items).find((item) => item.key === key)?.label ?? `desk.inspection.${key}`;

interface FormItem {
  key: string;
  result?: string | null;
  finding?: string | null;
  value?: string | number | null;
  text?: string | null;
}

/** A warning or a fault says what was found. */
const findingFor = (n: number) => (value: unknown, all: { items?: FormItem[] }) =>
  all.items?.[n]?.result && all.items[n].result !== 'ok' && !(typeof value === 'string' && value.trim()) ? 'desk.inspection.checklist.findingRequired' : undefined;

/**
 * What is sent for one item: only what was filled. A measurement typed as a number goes as one;
 * anything else as typed, so the server names the field (never a silent zero).
 */
function answerOf({ key, result, finding, value, text }: FormItem) {
  const out: Record<string, unknown> = { key };
  if (result) out.result = result;
  if (typeof finding === 'string' && finding.trim()) out.finding = finding;
  if (value !== null && value !== undefined && String(value).trim() !== '') {
    const n = Number(String(value).trim());
    out.value = String(value).trim() !== '' && Number.isFinite(n) ? n : String(value);
  }
  if (typeof text === 'string' && text.trim()) out.text = text;
  return out;
}

const ItemInput = ({ item, n }: { item: TemplateItem; n: number }) => {
  const translate = useTranslate();
  const at = `items.${n}`;
  if (item.compiled) {
    return <TextInput source={`${at}.text`} label="desk.inspection.checklist.remark" multiline minRows={2} fullWidth validate={maxLength(LIMITS.text)} helperText="desk.inspection.checklist.compiledHint" />;
  }
  if (item.kind === 'check') {
    return (
      <>
        <ResultToggleInput source={`${at}.result`} label={item.label} />
        <TextInput source={`${at}.finding`} label="desk.inspection.checklist.finding" multiline fullWidth validate={[findingFor(n), maxLength(LIMITS.short)]} />
      </>
    );
  }
  if (item.kind === 'measurement') {
    return (
      <TextInput
        source={`${at}.value`}
        label={translate('desk.inspection.checklist.value', { unit: item.unit ?? '' })}
        fullWidth
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      />
    );
  }
  return <TextInput source={`${at}.text`} label="desk.inspection.checklist.text" multiline minRows={2} fullWidth validate={maxLength(LIMITS.text)} />;
};

/** 保存 sends the checklist; 提交审核 sends it, then the summary and advice. */
const Buttons = ({ inspection }: { inspection: InspectionDetail }) => {
  const { handleSubmit, setError, getValues } = useFormContext();
  const step = useInspectionStep(inspection.id);
  const [busy, setBusy] = useState(false);
  const translate = useTranslate();
  const showErrors = (errors: FieldErrors | undefined) => {
    for (const [field, message] of Object.entries(errors ?? {})) setError(field, { type: 'server', message });
    return !errors;
  };
  const save = async () => {
    const items = (getValues('items') as FormItem[]).map(answerOf);
    return showErrors(await step('checklist', { items }, 'desk.inspection.checklist.saved'));
  };
  const run = (what: () => Promise<unknown>) => async () => {
    setBusy(true);
    try {
      await what();
    } finally {
      setBusy(false);
    }
  };
  const onSave = handleSubmit(run(() => save()));
  const onSubmit = async () => {
    // Summary and advice are needed only to submit: checked here, not on a partial save.
    const { summary, advice } = getValues();
    let missing = false;
    if (!String(summary ?? '').trim()) {
      setError('summary', { type: 'required', message: 'ra.validation.required' });
      missing = true;
    }
    if (!String(advice ?? '').trim()) {
      setError('advice', { type: 'required', message: 'ra.validation.required' });
      missing = true;
    }
    await handleSubmit(
      run(async () => {
        if (missing || !(await save())) return;
        showErrors(await step('submit', { summary, advice }, 'desk.inspection.checklist.submitted'));
      }),
    )();
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1.5, mt: 2 }}>
      <Button variant="outlined" size="large" startIcon={<SaveIcon />} onClick={onSave} disabled={busy} sx={{ minHeight: 48 }}>
        {translate('desk.inspection.checklist.save')}
      </Button>
      {inspection.allowed.includes('submit') && (
        <Button variant="contained" size="large" startIcon={<SendIcon />} onClick={onSubmit} disabled={busy} sx={{ minHeight: 48 }}>
          {translate('desk.inspection.checklist.submit')}
        </Button>
      )}
    </Stack>
  );
};

/** 填写检查项: the template's sections in one column, each item as its kind asks. */
export const ChecklistForm = ({ inspection }: { inspection: InspectionDetail }) => {
  const [defaults] = useState(() => ({
    items: fillable(inspection).map(({ item }) => {
      const saved = inspection.checklist[item.key] ?? {};
      return { key: item.key, result: saved.result ?? null, finding: saved.finding ?? '', value: saved.value ?? '', text: saved.text ?? '' };
    }),
    summary: inspection.summary ?? '',
    advice: inspection.advice ?? '',
  }));
  const items = fillable(inspection);
  const translate = useTranslate();
  return (
    <Form record={NO_RECORD} defaultValues={defaults} onSubmit={() => undefined}>
      {items.map(({ section, item }, n) => (
        <Box key={item.key} component="fieldset" aria-label={item.label} sx={{ border: 0, borderTop: 1, borderColor: 'divider', m: 0, px: 0, py: 1.5, minWidth: 0 }}>
          {(n === 0 || items[n - 1].section !== section) && (
            <Typography variant="overline" component="h3" color="primary" sx={{ display: 'block' }}>
              {section}
            </Typography>
          )}
          <Typography component="legend" sx={{ fontWeight: 600, overflowWrap: 'anywhere', p: 0 }}>
            {item.label}
            {item.required && !item.compiled ? ' *' : ''}
          </Typography>
          <ItemInput item={item} n={n} />
        </Box>
      ))}
      <Box sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}>
        <Typography variant="overline" component="h3" color="primary">
          {translate('desk.inspection.checklist.closing')}
        </Typography>
        <TextInput source="summary" label={closingLabel(inspection, 'summary')} multiline minRows={3} fullWidth validate={maxLength(LIMITS.text)} />
        <TextInput source="advice" label={closingLabel(inspection, 'advice')} multiline minRows={3} fullWidth validate={maxLength(LIMITS.text)} />
      </Box>
      <Buttons inspection={inspection} />
    </Form>
  );
};
