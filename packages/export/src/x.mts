import { writeFileSync } from 'node:fs';
import { readExportTree } from './read.ts';
import { renderPdf } from './render/pdf/document.ts';
import { draftMeta, everyNodeState, finalMeta } from './test-fixture.ts';

const tree = readExportTree(everyNodeState(), { language: 'fr' });
let t = performance.now();
writeFileSync('/tmp/draft.pdf', await renderPdf(tree, draftMeta));
console.log('draft ms', performance.now() - t);
t = performance.now();
writeFileSync('/tmp/final.pdf', await renderPdf(tree, finalMeta));
console.log('final ms', performance.now() - t);
