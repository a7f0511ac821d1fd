/**
 * Loads a spec's Keras JSON into real tfjs and serializes it again, returning the probe layer as
 * tfjs writes it. Lets import code be tested against what TF.js itself emits (snake_case keys,
 * VarianceScaling initializers, `implementation: null`), not just against our own output.
 */
import * as tf from '@tensorflow/tfjs';
import { withDefaults } from '../../src-shared/layers/common.js';
import type { KerasLayerJson, LayerSpec, Params, Shape } from '../../src-shared/layers/types.js';

export async function tfjsReserialize(spec: LayerSpec, given: Params, inputShape: Shape): Promise<KerasLayerJson> {
  const params = withDefaults(spec.params, given);
  const keras = spec.keras.toKeras(params, { inputShapes: [inputShape] });
  const topology = {
    class_name: 'Model',
    config: {
      name: 'reserialize',
      layers: [
        { class_name: 'InputLayer', name: 'in0', config: { name: 'in0', batch_input_shape: [null, ...inputShape], dtype: 'float32', sparse: false }, inbound_nodes: [] },
        { class_name: keras.class_name, name: 'probe', config: { ...keras.config, name: 'probe', trainable: true }, inbound_nodes: [[['in0', 0, 0, {}]]] },
      ],
      input_layers: [['in0', 0, 0]],
      output_layers: [['probe', 0, 0]],
    },
  };
  const model = await tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON);
  try {
    const json = model.toJSON(null, false) as unknown as { config: { layers: KerasLayerJson[] } };
    const probe = json.config.layers.find((l) => (l.config as { name?: string }).name === 'probe');
    if (!probe) throw new Error('probe layer missing from tfjs output');
    return { class_name: probe.class_name, config: probe.config };
  } finally {
    model.dispose();
  }
}
