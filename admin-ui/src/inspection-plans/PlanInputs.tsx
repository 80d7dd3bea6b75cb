import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  DateInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { TEMPLATE_CODES } from '../../../domain/inspection/templates';
import { LIMITS } from '../../../domain/limits';
import { UserSelectInput } from '../common/UserSelectInput';
import { useRecurrenceText } from './recurrence';

const templateChoices = TEMPLATE_CODES.map((id) => ({ id, name: `choices.template.${id}` }));
const everyChoices = [1, 2, 3, 4, 6, 12].map((id) => ({ id, name: `desk.plans.every.${id}` }));
const isRequired = required();
const between = (min: number, max: number) => [required(), minValue(min), maxValue(max)];

/** The systems the chosen hospital runs: a plan covers only those (the API refuses others). */
const SystemsInput = () => {
  const hospitalId = useWatch({ name: 'hospitalId' });
  const { data: hospital } = useGetOne<{ id: number; systemCodes: string[] }>('hospitals', { id: hospitalId }, { enabled: !!hospitalId });
  const choices = (hospital?.systemCodes ?? []).map((code) => ({ id: code, name: `choices.system.${code}` }));
  return <CheckboxGroupInput source="systemCodes" choices={choices} validate={isRequired} helperText={hospitalId ? false : 'resources.tickets.hints.selectHospitalFirst'} />;
};

/** The calendar in words under the inputs, as the list will show it. */
const RecurrencePreview = () => {
  const recurrence = useWatch({ name: 'recurrence' });
  const text = useRecurrenceText();
  const complete = recurrence && [recurrence.dayOfMonth, recurrence.hour, recurrence.minute, recurrence.everyMonths].every((v) => v !== null && v !== undefined && v !== '');
  return complete ? <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{text(recurrence)}</Typography> : null;
};

export const PlanInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <ReferenceInput source="hospitalId" reference="hospitals">
        <AutocompleteInput validate={isRequired} />
      </ReferenceInput>
      <SelectInput source="templateCode" choices={templateChoices} validate={isRequired} />
      <SystemsInput />
      <Typography variant="subtitle2" component="h3">
        {translate('desk.plans.when')}
      </Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <SelectInput source="recurrence.everyMonths" label="desk.plans.everyMonthsLabel" choices={everyChoices} validate={isRequired} />
        <NumberInput source="recurrence.dayOfMonth" label="desk.plans.dayOfMonth" validate={between(1, 28)} helperText="desk.plans.dayHint" min={1} max={28} />
        <NumberInput source="recurrence.hour" label="desk.plans.hour" validate={between(0, 23)} min={0} max={23} sx={{ width: 100 }} />
        <NumberInput source="recurrence.minute" label="desk.plans.minute" validate={between(0, 59)} min={0} max={59} sx={{ width: 100 }} />
      </Stack>
      <RecurrencePreview />
      <UserSelectInput source="engineerId" roles={['engineer']} validate={isRequired} />
      <NumberInput source="reportDays" validate={between(1, 60)} helperText="desk.plans.reportDaysHint" />
      <DateInput source="startDate" validate={isRequired} />
      <NumberInput source="catchupDays" validate={between(1, 31)} helperText="desk.plans.catchupHint" />
      <TextInput source="note" multiline minRows={2} validate={maxLength(LIMITS.text)} fullWidth />
    </>
  );
};

/** Only what the API takes; numbers as numbers. */
export const planTransform = (d: Record<string, unknown>) => {
  const r = (d.recurrence ?? {}) as Record<string, unknown>;
  return {
    hospitalId: d.hospitalId,
    templateCode: d.templateCode,
    systemCodes: d.systemCodes,
    recurrence: { dayOfMonth: Number(r.dayOfMonth), hour: Number(r.hour), minute: Number(r.minute), everyMonths: Number(r.everyMonths) },
    engineerId: d.engineerId,
    reportDays: d.reportDays,
    startDate: d.startDate,
    catchupDays: d.catchupDays,
    note: d.note ? d.note : null,
  };
};

export const PLAN_DEFAULTS = { recurrence: { everyMonths: 1, dayOfMonth: 1, hour: 9, minute: 0 }, reportDays: 7, catchupDays: 7, systemCodes: [] };
