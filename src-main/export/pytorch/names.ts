/**
 * Layer names → Python identifiers for model.py: module attributes and forward() variables.
 * Keras names may hold characters Python forbids ("conv-1") or be keywords ("lambda").
 */

const RESERVED = new Set([
  ...'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
  // Names the generated module itself uses.
  ...'self torch nn F np state k arrays model path super avg_pool_excluding_padding resize_bilinear_asymmetric KerasRecurrent _ACTS'.split(' '),
]);

/** Hands out unique identifiers derived from layer names. */
export class PythonNames {
  private readonly taken = new Set<string>();

  /** A fresh identifier for `name` (sanitized; suffixed when taken). */
  claim(name: string): string {
    let base = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `l_${base}`;
    if (RESERVED.has(base)) base = `${base}_`;
    let id = base;
    for (let i = 2; this.taken.has(id); i++) id = `${base}_${i}`;
    this.taken.add(id);
    return id;
  }
}
