import { SaveButton, Toolbar } from 'react-admin';

/** The API keeps users, hospitals and SLA terms (deactivate instead of delete): no delete button. */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
