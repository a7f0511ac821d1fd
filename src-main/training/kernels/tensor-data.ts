/**
 * Raw data access for kernels written in plain JS loops, on both backends they serve.
 *
 * A kernel receives `TensorInfo`s (dataId + shape) and the backend object, not tensors. The cpu
 * backend keeps each tensor's values in a JS typed array (`backend.data.get(id).values`); the wasm
 * backend keeps them in the module's heap (`backend.typedArrayFromHeap(info)` returns a view).
 * These helpers hide that difference so one loop serves both.
 */
import type { DataId, DataType, TensorInfo } from '@tensorflow/tfjs-core';

type Values = Float32Array | Int32Array | Uint8Array;

/** The parts of tfjs-backend-cpu's MathBackendCPU our kernels use. */
interface CpuBackendLike {
  data: { get(dataId: DataId): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: DataType, values?: Values): TensorInfo;
}

/** The parts of tfjs-backend-wasm's BackendWasm our kernels use. */
export interface WasmBackendLike {
  typedArrayFromHeap(info: TensorInfo): Values;
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  disposeData(dataId: DataId, force?: boolean): boolean;
}

export function isWasmBackend(backend: unknown): backend is WasmBackendLike {
  return typeof (backend as Partial<WasmBackendLike>).typedArrayFromHeap === 'function';
}

function isCpuBackend(backend: unknown): backend is CpuBackendLike {
  const b = backend as Partial<CpuBackendLike>;
  return typeof b.makeTensorInfo === 'function' && typeof b.data?.get === 'function';
}

/** A backend whose tensors we can read and write as typed arrays. */
export interface RawBackend {
  /** A view (wasm) or the stored array (cpu) of the tensor's values. Valid until the next allocation. */
  read(info: TensorInfo): Values;
  /**
   * Allocates the output first, then hands `fill` the output array. The order matters on wasm:
   * allocating can grow the heap, which detaches every view taken before it.
   */
  output(shape: number[], dtype: 'float32' | 'int32', fill: (out: Values) => void): TensorInfo;
}

/** Wraps the cpu or wasm backend object a kernel receives; throws for any other backend. */
export function rawBackend(backend: unknown): RawBackend {
  if (isWasmBackend(backend)) {
    return {
      read: (info) => backend.typedArrayFromHeap(info),
      output: (shape, dtype, fill) => {
        const out = backend.makeOutput(shape, dtype);
        const view = backend.typedArrayFromHeap(out);
        // makeOutput does not zero the heap block; our loops may accumulate.
        view.fill(0);
        fill(view);
        return out;
      },
    };
  }
  if (isCpuBackend(backend)) {
    return {
      read: (info) => {
        const values = backend.data.get(info.dataId).values;
        if (values instanceof Float32Array || values instanceof Int32Array || values instanceof Uint8Array) return values;
        throw new Error('netwright kernel: expected numeric tensor data on the cpu backend');
      },
      output: (shape, dtype, fill) => {
        const size = shape.reduce((a, b) => a * b, 1);
        const values = dtype === 'float32' ? new Float32Array(size) : new Int32Array(size);
        fill(values);
        return backend.makeTensorInfo(shape, dtype, values);
      },
    };
  }
  throw new Error('netwright kernel: only the cpu and wasm backends are supported');
}

/** Reads a float32 tensor; an int32/bool tensor is converted (rare for these kernels, so a copy is fine). */
export function readF32(raw: RawBackend, info: TensorInfo): Float32Array {
  const values = raw.read(info);
  return values instanceof Float32Array ? values : Float32Array.from(values);
}
