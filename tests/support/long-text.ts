/** Request titles as a desk gets them: long Chinese sentences, and error codes with no place to break. */
export const LONG_TITLES = [
  '移动护理PDA在重症医学科扫描患者腕带后长时间无响应，护士无法执行医嘱核对，已影响夜班床旁给药流程，请尽快远程排查',
  '护理管理系统排班模块导出报表时报错：java.lang.IllegalStateException_ConnectionPoolExhaustedWhileExportingMonthlyNursingScheduleReportForAllWardsAndDepartments',
  '护士站白板系统大屏不刷新',
  'PDA同步失败ERRORCODE0xDEADBEEFSYNCHRONISATIONTIMEOUTWHILEUPLOADINGVITALSIGNSBATCHFROMWARDSEVENTEENTHFLOORNORTHWINGBEDSIDETERMINALS',
];

/** The seeded nursing systems, each hospital running all three. */
export const SYSTEMS = ['mnis', 'nms', 'whiteboard'];
