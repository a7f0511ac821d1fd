/**
 * wasm `BatchMatMul` / `_FusedMatMul` that never hand XNNPACK a transposed operand.
 *
 * The wasm backend passes transposeA/transposeB down to a GEMM path that runs at 1.5–3 GFLOP/s
 * here, while an explicit Transpose followed by a plain matMul runs at 13–32 GFLOP/s (4–20x;
 * 512×256×512: 97 ms → 4 ms). Every Dense weight gradient is `matMul(x, dy, transposeA)` and
 * every input gradient `matMul(dy, W, transposeB)`, so fixing the kernel (rather than each
 * gradient) covers Dense, the fused matMul's custom gradient and recurrent layers at once.
 * The cpu backend shows no such gap (≈1 GFLOP/s either way) and is left alone.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendLike } from './tensor-data.js';

/** Swaps the two innermost dimensions with the wasm backend's own Transpose kernel. */
function transposeInner(x: TensorInfo, backend: WasmBackendLike): TensorInfo {
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose) throw new Error('wasm Transpose kernel is not registered');
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as TensorInfo;
}

/**
 * Wraps the stock wasm kernel: transposes the flagged operands explicitly, calls the stock
 * kernel with both flags off, then frees the temporaries. Keeps the stock setupFunc (it binds the
 * C++ function when the backend initializes) so registering before or after init both work.
 */
export function explicitTransposeConfig(stock: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = (attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    if (!transposeA && !transposeB) return stock.kernelFunc({ inputs, backend, attrs: attrs as NamedAttrMap });
    const wasm = backend as WasmBackendLike;
    const temps: TensorInfo[] = [];
    const swap = (t: TensorInfo | undefined, flag: boolean | undefined): TensorInfo | undefined => {
      if (!flag || t === undefined) return t;
      const out = transposeInner(t, wasm);
      temps.push(out);
      return out;
    };
    const newInputs: NamedTensorInfoMap = { ...inputs, a: swap(inputs.a, transposeA), b: swap(inputs.b, transposeB) };
    try {
      return stock.kernelFunc({ inputs: newInputs, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of temps) wasm.disposeData(t.dataId);
    }
  };
  return { ...stock, kernelFunc };
}
