export { CodePanel } from './CodePanel';
