import { AutocompleteInput, maxLength, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { channelChoices, faultLevelChoices, systemChoices } from '../choices';
import { DepartmentInput } from './DepartmentInput';
import { LIMITS } from '../../../domain/limits';

const isRequired = required();
const validateTitle = [required(), maxLength(LIMITS.title)];
const validateDescription = [required(), maxLength(LIMITS.text)];

interface TicketInputsProps {
  /** The hospital is already decided (a hospital contact files for their own hospital). */
  hospitalFixed?: boolean;
}

export const TicketInputs = ({ hospitalFixed = false }: TicketInputsProps) => (
  <>
    {!hospitalFixed && (
      <ReferenceInput source="hospitalId" reference="hospitals">
        <AutocompleteInput validate={isRequired} />
      </ReferenceInput>
    )}
    <DepartmentInput />
    <SelectInput source="systemCode" choices={systemChoices} validate={isRequired} />
    <SelectInput source="channel" choices={channelChoices} validate={isRequired} />
    <SelectInput source="faultLevel" choices={faultLevelChoices} />
    <TextInput source="reporterName" validate={isRequired} />
    <TextInput source="reporterPhone" />
    <TextInput source="title" validate={validateTitle} />
    <TextInput source="description" multiline minRows={4} validate={validateDescription} />
  </>
);
