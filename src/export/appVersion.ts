/** The lab's version (package.json), written into every exported file. */
import { version } from '../../package.json';

export const APP_VERSION: string = version;
