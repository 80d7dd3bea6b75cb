import {
  AutocompleteInput,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';
import { faultLevelChoices } from '../choices';
import { DurationInput } from './DurationInput';
import { LIMITS } from '../../../domain/limits';

/** The API keeps the warning points as fractions of the window; people think in percent. */
const formatWarnAt = (value: unknown) => (Array.isArray(value) ? value.map((f) => Math.round(Number(f) * 1000) / 10).join(', ') : ((value as string | null | undefined) ?? ''));
const percents = (value: unknown): number[] =>
  Array.isArray(value)
    ? value.map((f) => Number(f) * 100)
    : String(value ?? '')
        .split(/[,，\s%]+/)
        .filter(Boolean)
        .map(Number);
export const parseWarnAt = (value: unknown): number[] => percents(value).map((p) => Math.round(p * 10) / 1000);
const validateWarnAt: Validator = (value: unknown) =>
  percents(value).every((p) => Number.isFinite(p) && p > 0 && p < 100) ? undefined : 'resources.sla-policies.hints.warnAtInvalid';

export const SlaPolicyInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(LIMITS.name)]} fullWidth />
    <ReferenceInput source="hospitalId" reference="hospitals">
      <AutocompleteInput helperText="resources.sla-policies.hints.hospital" emptyText="resources.sla-policies.hints.defaultPolicy" />
    </ReferenceInput>
    <SelectInput source="level" choices={faultLevelChoices} validate={required()} />
    <DurationInput source="replySeconds" />
    <DurationInput source="firstSolutionSeconds" optional />
    <TextInput source="warnAt" format={formatWarnAt} parse={(v: string) => v} validate={validateWarnAt} helperText="resources.sla-policies.hints.warnAt" />
    <DurationInput source="unclaimedReminderSeconds" />
    <DurationInput source="signatureReminderSeconds" />
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
