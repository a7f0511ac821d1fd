/**
 * Names and ids for new nodes and edges. Names follow Keras's convention (`dense_1`,
 * `conv2d_2`, `max_pooling2d_1`) so a compiled model reads like one written by hand.
 */

/** Keras's `to_snake_case`: `MaxPooling2D` → `max_pooling2d`, `SimpleRNN` → `simple_rnn`. */
export function toSnakeCase(type: string): string {
  return type
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * The first free `base_N` (N ≥ 1). A base that already ends in `_N` (a pasted `dense_3`)
 * counts up from there rather than growing `dense_3_1`.
 */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const m = /^(.*)_(\d+)$/.exec(base);
  const stem = m ? m[1]! : base;
  let n = m ? Number(m[2]) : 1;
  while (taken.has(`${stem}_${n}`)) n += 1;
  return `${stem}_${n}`;
}

/** Keeps `wanted` when free, else the next `wanted_N`: pasted layers keep their names when they can. */
export function freeName(wanted: string, taken: ReadonlySet<string>): string {
  return taken.has(wanted) ? uniqueName(wanted, taken) : wanted;
}

/** `prefix` + one more than the largest numeric suffix in use (`n12` → `n13`): short, stable ids. */
export function nextId(prefix: string, existing: Iterable<string>): string {
  let max = 0;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${max + 1}`;
}

/** Layer names become Keras layer names and Python identifiers in exported code. */
export const LAYER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Why `name` cannot be used for a layer, or null when it can. */
export function checkLayerName(name: string, others: ReadonlySet<string>): string | null {
  if (name.trim() === '') return 'A layer needs a name.';
  if (!LAYER_NAME_PATTERN.test(name)) return 'Use letters, digits, "_", "." or "-", starting with a letter.';
  if (others.has(name)) return `Another layer is already named "${name}".`;
  return null;
}
