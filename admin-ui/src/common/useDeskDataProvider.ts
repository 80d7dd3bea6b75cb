import { useDataProvider } from 'react-admin';
import type { DeskDataProvider } from '../dataProvider';

export const useDeskDataProvider = () => useDataProvider<DeskDataProvider>();
