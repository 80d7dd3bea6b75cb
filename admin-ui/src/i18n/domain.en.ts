export const domainEnglish = {
  app: {
    title: 'Hospital Service Desk',
  },
  resources: {
    tickets: {
      name: 'Service request |||| Service requests',
      fields: {
        id: 'Ticket No.',
        hospitalId: 'Hospital',
        hospitalName: 'Hospital',
        departmentId: 'Department',
        departmentName: 'Department',
        systemCode: 'System',
        title: 'Title',
        description: 'Description',
        channel: 'Channel',
        faultLevel: 'Fault level',
        status: 'Status',
        step: 'Current step',
        receivedAt: 'Received at',
        replyDueAt: 'Reply due by',
        reporterName: 'Reporter',
        reporterPhone: 'Contact phone',
      },
      page: {
        create: 'New service request',
        show: 'Ticket %{id}',
      },
      notifications: {
        created: 'Service request received',
      },
      hints: {
        selectHospitalFirst: 'Choose a hospital first',
      },
    },
    hospitals: {
      name: 'Hospital |||| Hospitals',
      fields: {
        id: 'ID',
        name: 'Name',
        code: 'Code',
      },
    },
    departments: {
      name: 'Department |||| Departments',
      fields: {
        id: 'ID',
        name: 'Name',
        hospitalId: 'Hospital',
      },
    },
  },
  choices: {
    system: {
      mnis: 'Mobile Nursing Information System',
      nms: 'Nursing Management System',
      whiteboard: 'Nurse Station Whiteboard System',
    },
    channel: {
      phone: 'Phone / 400 hotline',
      im: 'Instant messaging (WeChat/QQ)',
      email: 'Email',
      portal: 'Service desk portal',
      remote: 'Remote',
      onsite: 'On-site',
    },
    faultLevel: {
      1: 'Level 1 (urgent)',
      2: 'Level 2 (severe)',
      3: 'Level 3 (normal)',
      4: 'Level 4',
    },
    status: {
      open: 'Open',
      resolved: 'Resolved',
      archived: 'Archived',
      cancelled: 'Cancelled',
    },
    step: {
      intake: 'Intake',
      triage: 'Triage',
      remote: 'Remote handling',
      dispatch: 'Dispatch approval',
      onsite: 'On-site service',
      signature: 'Hospital sign-off',
      archived: 'Archived',
      cancelled: 'Cancelled',
    },
  },
};

export type DomainMessages = typeof domainEnglish;
