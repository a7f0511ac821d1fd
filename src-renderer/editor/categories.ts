/**
 * Layer categories as the editor shows them: palette group order and titles. Colours live in
 * CSS (`--cat-<category>`) so each theme can tune them; the category picks the node colour,
 * as in Netron.
 */
import type { LayerCategory } from '../../src-shared/layers/types.js';

export interface CategoryInfo {
  category: LayerCategory;
  title: string;
}

/** Palette order: roughly the order layers appear in a network. */
export const CATEGORIES: readonly CategoryInfo[] = [
  { category: 'input', title: 'Input' },
  { category: 'core', title: 'Core' },
  { category: 'convolution', title: 'Convolution' },
  { category: 'pooling', title: 'Pooling' },
  { category: 'normalization', title: 'Normalization' },
  { category: 'regularization', title: 'Regularization' },
  { category: 'activation', title: 'Activation' },
  { category: 'reshape', title: 'Reshape' },
  { category: 'recurrent', title: 'Recurrent' },
  { category: 'embedding', title: 'Embedding' },
  { category: 'merge', title: 'Merge' },
];

/** The CSS colour of a category, for inline styles (the MiniMap needs a value, not a class). */
export function categoryColor(category: LayerCategory): string {
  return `var(--cat-${category})`;
}
