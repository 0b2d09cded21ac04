export { ReviewStrip } from './ReviewStrip.tsx';
