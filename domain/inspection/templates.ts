/**
 * Report templates of the planned services (seed: 系统巡检服务, 性能分析及安全检查服务). A template
 * is versioned: an occurrence keeps the version it started with, so editing a template never
 * changes a report already under way. Labels are stored as the seed writes them (the report is a
 * Chinese document signed by the hospital); the console translates only its own chrome.
 */

/** check: ok / warning / fault with a finding; measurement: a number in a unit; text: prose. */
export const ITEM_KINDS = ['check', 'measurement', 'text'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * What the product fills in itself: `fault_summary` from the hospital's tickets of the period,
 * `storage_capacity` from the storage measurements entered in the same report.
 */
export const COMPILED = ['fault_summary', 'storage_capacity'] as const;
export type Compiled = (typeof COMPILED)[number];

export interface TemplateItem {
  /** Stable within a template's versions: answers and the report refer to it. */
  key: string;
  label: string;
  kind: ItemKind;
  /** measurement only: the unit the number is in. */
  unit?: string;
  /** Filled by the product, not typed by the engineer (the engineer may add a remark). */
  compiled?: Compiled;
  required: boolean;
}

export interface TemplateSection {
  key: string;
  title: string;
  items: TemplateItem[];
}

export const TEMPLATE_CODES = ['monthly_inspection', 'performance_analysis', 'security_check'] as const;
export type TemplateCode = (typeof TEMPLATE_CODES)[number];

export interface InspectionTemplate {
  code: TemplateCode;
  version: number;
  title: string;
  sections: TemplateSection[];
}

const check = (key: string, label: string, required = true): TemplateItem => ({ key, label, kind: 'check', required });
const measure = (key: string, label: string, unit: string, required = true): TemplateItem => ({ key, label, kind: 'measurement', unit, required });
const text = (key: string, label: string, required = true): TemplateItem => ({ key, label, kind: 'text', required });

/** The seed's seven-item monthly inspection (巡检服务, 详细内容). */
export const MONTHLY_INSPECTION: InspectionTemplate = {
  code: 'monthly_inspection',
  version: 1,
  title: '系统巡检报告',
  sections: [
    { key: 'plan', title: '巡检计划与巡检内容确定', items: [text('scope', '本次巡检范围与内容')] },
    {
      key: 'environment',
      title: '系统运行环境检查',
      items: [
        check('server_status', '应用服务器运行状态'),
        check('database_status', '数据库服务运行状态'),
        check('network', '网络连通性（院内网络、移动终端接入）'),
        check('terminals', '移动终端（PDA）与打印设备状态'),
        measure('cpu_peak', '服务器 CPU 峰值使用率', '%'),
        measure('memory_peak', '服务器内存峰值使用率', '%'),
      ],
    },
    {
      key: 'configuration',
      title: '系统配置检查',
      items: [check('app_config', '应用参数配置'), check('interfaces', '与 HIS/LIS/EMR 等系统的接口配置'), check('backup_jobs', '备份作业配置与最近一次执行结果')],
    },
    { key: 'architecture', title: '系统结构分析', items: [check('redundancy', '系统冗余与高可用'), text('upgrade_needs', '升级需求', false)] },
    { key: 'faults', title: '历史故障调查与问题汇总', items: [{ key: 'fault_summary', label: '本期服务请求汇总', kind: 'text', compiled: 'fault_summary', required: false }] },
    {
      key: 'storage',
      title: '业务存储容量需求分析',
      items: [
        measure('storage_total', '业务数据存储总容量', 'GB'),
        measure('storage_used', '业务数据已用容量', 'GB'),
        { key: 'storage_capacity', label: '容量增长与预计可用时间', kind: 'text', compiled: 'storage_capacity', required: false },
      ],
    },
    { key: 'summary', title: '巡检总结报告与系统优化建议', items: [text('summary', '巡检总结'), text('advice', '系统优化建议')] },
  ],
};

/** 性能分析: data collected with monitoring software, then the three summaries and advice. */
export const PERFORMANCE_ANALYSIS: InspectionTemplate = {
  code: 'performance_analysis',
  version: 1,
  title: '系统性能分析报告',
  sections: [
    {
      key: 'data',
      title: '性能数据收集',
      items: [
        measure('response_p95', '业务操作响应时间（95% 分位）', 'ms'),
        measure('cpu_peak', '服务器 CPU 峰值使用率', '%'),
        measure('memory_peak', '服务器内存峰值使用率', '%'),
        measure('db_size', '数据库大小', 'GB'),
        text('collection', '收集方式与时段'),
      ],
    },
    { key: 'management', title: '系统管理总结', items: [text('management_summary', '系统管理总结')] },
    { key: 'technical', title: '系统技术总结', items: [text('technical_summary', '系统技术总结')] },
    { key: 'workload', title: '应用工作量总结', items: [measure('daily_records', '日均护理记录数', '条', false), text('workload_summary', '应用工作量总结')] },
    { key: 'advice', title: '建设性建议', items: [text('advice', '建设性建议')] },
  ],
};

/** 安全检查: sensitive data protection, access control, passwords, backups; findings and advice. */
export const SECURITY_CHECK: InspectionTemplate = {
  code: 'security_check',
  version: 1,
  title: '系统安全检查报告',
  sections: [
    {
      key: 'checks',
      title: '安全检查',
      items: [
        check('password_policy', '口令设定与维护'),
        check('access_control', '身份验证与访问控制级别'),
        check('sensitive_data', '敏感信息保护措施'),
        check('external_access', '防止擅自访问内/外部系统的措施'),
        check('backup', '数据备份与有形保护措施'),
      ],
    },
    { key: 'findings', title: '安全状态分析', items: [text('findings', '可能违反系统和数据安全规定的行为')] },
    { key: 'advice', title: '改进意见', items: [text('advice', '改进意见')] },
  ],
};

/** The first version of each template, as a new desk seeds them. */
export const BUILT_IN_TEMPLATES: readonly InspectionTemplate[] = [MONTHLY_INSPECTION, PERFORMANCE_ANALYSIS, SECURITY_CHECK];

export const itemsOf = (t: InspectionTemplate): TemplateItem[] => t.sections.flatMap((s) => s.items);
