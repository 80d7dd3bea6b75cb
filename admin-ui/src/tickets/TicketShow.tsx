import { DateField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { channelChoices, faultLevelChoices, statusChoices, systemChoices } from '../choices';
import { StepField } from './StepField';

export const TicketShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="id" />
      <TextField source="title" />
      <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
      <TextField source="hospitalName" />
      <TextField source="departmentName" />
      <SelectField source="systemCode" choices={systemChoices} />
      <SelectField source="channel" choices={channelChoices} />
      <SelectField source="faultLevel" choices={faultLevelChoices} />
      <StepField source="step" />
      <SelectField source="status" choices={statusChoices} />
      <TextField source="reporterName" />
      <TextField source="reporterPhone" />
      <DateField source="receivedAt" showTime />
      <DateField source="replyDueAt" showTime />
    </SimpleShowLayout>
  </Show>
);
