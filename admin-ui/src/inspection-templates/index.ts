import DescriptionIcon from '@mui/icons-material/Description';
import { lazyPage } from '../common/lazyPage';

const TemplateEdit = lazyPage(() => import('./TemplateEdit'), 'TemplateEdit');
const TemplateList = lazyPage(() => import('./TemplateList'), 'TemplateList');
const TemplateShow = lazyPage(() => import('./TemplateShow'), 'TemplateShow');

/** 报告模板: an admin saves new versions. */
export default {
  list: TemplateList,
  show: TemplateShow,
  edit: TemplateEdit,
  icon: DescriptionIcon,
  recordRepresentation: 'title',
};

/** Managers read the templates their plans use. */
export const inspectionTemplatesReadOnly = {
  list: TemplateList,
  show: TemplateShow,
  icon: DescriptionIcon,
  recordRepresentation: 'title',
};
