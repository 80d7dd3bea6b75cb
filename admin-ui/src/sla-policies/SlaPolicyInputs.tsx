import {
  AutocompleteInput,
  maxLength,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';
import { faultLevelChoices } from '../choices';
import { LIMITS } from '../../../domain/limits';

/** The API keeps seconds (tests use short policies); people think in minutes. */
export const secondsToMinutes = (seconds: unknown): string =>
  seconds === null || seconds === undefined || seconds === '' || Number.isNaN(Number(seconds)) ? '' : String(Math.round((Number(seconds) / 60) * 100) / 100);
export const minutesToSeconds = (minutes: unknown): number | null => {
  if (minutes === null || minutes === undefined || minutes === '') return null;
  const n = typeof minutes === 'number' ? minutes : parseFloat(String(minutes));
  return Number.isNaN(n) ? null : Math.round(n * 60);
};

const positive: Validator = (value: unknown) => (value !== null && value !== undefined && Number(value) <= 0 ? { message: 'ra.validation.minValue', args: { min: 0 } } : undefined);

/** "0.5, 0.75" ⇄ [0.5, 0.75]; kept as typed while editing, converted on save. */
const formatWarnAt = (value: unknown) => (Array.isArray(value) ? value.join(', ') : ((value as string | null | undefined) ?? ''));
export const parseWarnAt = (value: unknown): number[] =>
  Array.isArray(value)
    ? value
    : String(value ?? '')
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map(Number);
const validateWarnAt: Validator = (value: unknown) =>
  parseWarnAt(value).every((f) => Number.isFinite(f) && f > 0 && f < 1) ? undefined : 'resources.sla-policies.hints.warnAtInvalid';

const Minutes = ({ source, optional = false }: { source: string; optional?: boolean }) => (
  <NumberInput
    source={source}
    format={secondsToMinutes}
    parse={minutesToSeconds}
    min={0}
    step={1}
    validate={optional ? [positive] : [required(), positive]}
    helperText={optional ? 'resources.sla-policies.hints.optional' : 'resources.sla-policies.hints.minutes'}
  />
);

export const SlaPolicyInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(LIMITS.name)]} fullWidth />
    <ReferenceInput source="hospitalId" reference="hospitals">
      <AutocompleteInput helperText="resources.sla-policies.hints.hospital" emptyText="resources.sla-policies.hints.defaultPolicy" />
    </ReferenceInput>
    <SelectInput source="level" choices={faultLevelChoices} validate={required()} />
    <Minutes source="replySeconds" />
    <Minutes source="firstSolutionSeconds" optional />
    <TextInput source="warnAt" format={formatWarnAt} parse={(v: string) => v} validate={validateWarnAt} helperText="resources.sla-policies.hints.warnAt" />
    <Minutes source="unclaimedReminderSeconds" />
    <Minutes source="signatureReminderSeconds" />
  </>
);

export const slaPolicyTransform = (data: Record<string, unknown>) => ({
  name: data.name,
  hospitalId: data.hospitalId ?? null,
  level: data.level,
  replySeconds: data.replySeconds,
  firstSolutionSeconds: data.firstSolutionSeconds ?? null,
  warnAt: parseWarnAt(data.warnAt),
  unclaimedReminderSeconds: data.unclaimedReminderSeconds,
  signatureReminderSeconds: data.signatureReminderSeconds,
});
