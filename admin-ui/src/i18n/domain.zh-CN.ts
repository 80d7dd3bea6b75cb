import type { DomainMessages } from './domain.en';

export const domainChinese: DomainMessages = {
  app: {
    title: '医院维保服务台',
  },
  resources: {
    tickets: {
      name: '服务请求',
      fields: {
        id: '问题单号',
        hospitalId: '医院',
        hospitalName: '医院',
        departmentId: '科室',
        departmentName: '科室',
        systemCode: '系统',
        title: '标题',
        description: '问题描述',
        channel: '服务形式',
        faultLevel: '故障级别',
        status: '状态',
        step: '当前环节',
        receivedAt: '受理时间',
        replyDueAt: '答复时限',
        reporterName: '报告人',
        reporterPhone: '联系电话',
      },
      page: {
        create: '新建服务请求',
        show: '系统问题单 %{id}',
      },
      notifications: {
        created: '服务请求已受理',
      },
      hints: {
        selectHospitalFirst: '请先选择医院',
      },
    },
    hospitals: {
      name: '医院',
      fields: {
        id: '编号',
        name: '名称',
        code: '代码',
      },
    },
    departments: {
      name: '科室',
      fields: {
        id: '编号',
        name: '名称',
        hospitalId: '医院',
      },
    },
  },
  choices: {
    system: {
      mnis: '移动护理信息系统',
      nms: '护理管理系统',
      whiteboard: '护士站白板系统',
    },
    channel: {
      phone: '电话/400热线',
      im: '即时通信（微信/QQ）',
      email: '邮件',
      portal: '服务台',
      remote: '远程',
      onsite: '现场',
    },
    faultLevel: {
      1: '一级（紧急）',
      2: '二级（严重）',
      3: '三级（一般）',
      4: '四级',
    },
    status: {
      open: '处理中',
      resolved: '已解决',
      archived: '已归档',
      cancelled: '已取消',
    },
    step: {
      intake: '受理',
      triage: '分诊',
      remote: '远程处理',
      dispatch: '派工审批',
      onsite: '现场服务',
      signature: '医院签字确认',
      archived: '已归档',
      cancelled: '已取消',
    },
  },
};
