/**
 * The editor benchmark's graph: exactly 500 layers that validate cleanly. A stem
 * (Input 28×28×1 → Flatten → Dense 64), then 124 residual blocks of four layers, then the
 * classifier. Most blocks are Dense → Dropout → Dense → Add (a skip connection); every fifth
 * fans out into two Dense branches joined by Concatenate before its Add, so the graph has real
 * branches and merges, not only a chain.
 */
import { buildDocument, type LayerLine } from '../../src-shared/graph/build.js';
import type { ProjectDocument } from '../../src-shared/graph/document.js';

export const BLOCKS = 124;
const WIDTH = 64;

export function benchGraph(): ProjectDocument {
  const layers: LayerLine[] = [
    { type: 'Input', name: 'digits', params: { dataKind: 'image', shape: [28, 28, 1] } },
    { type: 'Flatten', name: 'flatten' },
    { type: 'Dense', name: 'stem', params: { units: WIDTH, activation: 'relu' } },
  ];
  let last = 'stem';
  for (let b = 1; b <= BLOCKS; b++) {
    const p = `block${b}`;
    if (b % 5 === 0) {
      layers.push(
        { type: 'Dense', name: `${p}_left`, params: { units: WIDTH / 2, activation: 'relu' }, inputs: [last] },
        { type: 'Dense', name: `${p}_right`, params: { units: WIDTH / 2, activation: 'tanh' }, inputs: [last] },
        { type: 'Concatenate', name: `${p}_join`, inputs: [`${p}_left`, `${p}_right`] },
        { type: 'Add', name: `${p}_add`, inputs: [last, `${p}_join`] },
      );
    } else {
      layers.push(
        { type: 'Dense', name: `${p}_a`, params: { units: WIDTH, activation: 'relu' }, inputs: [last] },
        { type: 'Dropout', name: `${p}_drop`, params: { rate: 0.1 } },
        { type: 'Dense', name: `${p}_b`, params: { units: WIDTH, activation: 'linear' } },
        { type: 'Add', name: `${p}_add`, inputs: [last, `${p}_b`] },
      );
    }
    last = `${p}_add`;
  }
  layers.push({ type: 'Dense', name: 'output', params: { units: 10, activation: 'softmax' }, inputs: [last] });
  return buildDocument('Editor benchmark (500 layers)', layers);
}
