export { BodyWriter } from './body-writer.ts';
