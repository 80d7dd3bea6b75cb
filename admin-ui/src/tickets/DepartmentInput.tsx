import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';

/** Departments of the hospital chosen in the same form; cleared when that hospital changes. */
export const DepartmentInput = () => {
  const hospitalId = useWatch({ name: 'hospitalId' });
  const { setValue } = useFormContext();
  const previousHospitalId = useRef(hospitalId);

  useEffect(() => {
    if (previousHospitalId.current === hospitalId) return;
    previousHospitalId.current = hospitalId;
    setValue('departmentId', null);
  }, [hospitalId, setValue]);

  if (hospitalId == null || hospitalId === '') {
    return (
      <SelectInput
        source="departmentId"
        choices={[]}
        disabled
        helperText="resources.tickets.hints.selectHospitalFirst"
      />
    );
  }
  return (
    <ReferenceInput source="departmentId" reference="departments" filter={{ hospitalId }}>
      <AutocompleteInput />
    </ReferenceInput>
  );
};
