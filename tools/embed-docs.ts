// `npm run docs:embed`: writes docs/EMBED.md's URL parameter tables from the schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { withUrlTables } from './urlTable';

const path = 'docs/EMBED.md';
const before = readFileSync(path, 'utf8');
const after = withUrlTables(before);
writeFileSync(path, after);
console.log(before === after ? `${path}: the URL tables were up to date` : `${path}: URL tables rewritten`);
