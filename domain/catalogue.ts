/**
 * The vocabularies of the seed document, one spelling from database to UI.
 * Chinese labels live in the console's i18n files; these are the stored values.
 */

/** 服务形式: how the request reached us. `portal` is this product's own console. */
export const CHANNELS = ['phone', 'im', 'email', 'portal', 'remote', 'onsite'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 服务项目: the service catalogue, i.e. the category of a request. */
export const CATEGORIES = [
  'fault_diagnosis', // 系统故障诊断
  'usage_guidance', // 系统使用指导
  'maintenance_training', // 系统维护培训
  'software_installation', // 系统软件安装
  'data_correction', // 数据修正
  'data_backup', // 数据备份
  'data_recovery', // 数据恢复
  'interface_optimisation', // 系统接口优化
  'module_change', // 功能模块修改或增加
  'interface_integration', // 系统接口对接
  'system_inspection', // 系统巡检
] as const;
export type Category = (typeof CATEGORIES)[number];

/** 服务范围: maintenance type. */
export const MAINTENANCE_TYPES = [
  'corrective', // 改正性
  'perfective', // 完善性
  'adaptive', // 适应性
  'preventive', // 预防性
  'consulting', // 咨询
  'training', // 培训
  'periodic_exchange', // 定期交流
  'documentation', // 文档资料
  'policy_interface', // 政策性接口对接
] as const;
export type MaintenanceType = (typeof MAINTENANCE_TYPES)[number];

/** 故障级别: 1 urgent … 4. */
export const FAULT_LEVELS = [1, 2, 3, 4] as const;
export type FaultLevel = (typeof FAULT_LEVELS)[number];

/** The three nursing systems the vendor maintains (seeded into nursing_systems). */
export const NURSING_SYSTEMS = [
  { code: 'mnis', nameZh: '移动护理信息系统', nameEn: 'Mobile Nursing Information System' },
  { code: 'nms', nameZh: '护理管理系统', nameEn: 'Nursing Management System' },
  { code: 'whiteboard', nameZh: '护士站白板系统', nameEn: 'Nurse Station Whiteboard System' },
] as const;
