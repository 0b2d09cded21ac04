export { announceToSignChanged } from './changed.ts';
export { ToSignLink } from './ToSignLink.tsx';
export { ToSignList } from './ToSignList.tsx';
