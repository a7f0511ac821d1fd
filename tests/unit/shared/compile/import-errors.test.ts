/** Every refusal names what is wrong and where. */
import { describe, expect, it } from 'vitest';
import { importKerasModel } from '../../../../src-shared/compile/from-keras.js';
import { dense, k2, k2Functional, k2Input, k3, k3Input, k3Tensor } from './keras-json-builders.js';

function error(json: unknown): string {
  const result = importKerasModel(json);
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
}

const lstmCfg = { units: 8 };

describe('importKerasModel: refusals', () => {
  it('lists every unsupported layer class at once, with the layer names', () => {
    const json = k2Functional(
      [
        k2Input('text', [20, 8]),
        k2('Bidirectional', 'bidirectional', { layer: { class_name: 'LSTM', config: lstmCfg }, merge_mode: 'concat' }, [['text']]),
        k2('Lambda', 'lambda', { function: ['4wEAAAAAAAAA', null, null] }, [['bidirectional']]),
        k2('TimeDistributed', 'time_distributed', { layer: { class_name: 'Dense', config: dense(4) } }, [['lambda']]),
        k2('Lambda', 'lambda_1', { function: ['4wEAAAAAAAAA', null, null] }, [['time_distributed']]),
      ],
      ['text'],
      ['lambda_1'],
    );
    expect(error(json)).toBe(
      'Unsupported Keras layer classes: Bidirectional (bidirectional), Lambda (lambda, lambda_1), TimeDistributed (time_distributed)',
    );
  });

  it('names a refused option with the layer: GRU reset_after=True and the fix', () => {
    const json = {
      class_name: 'Sequential',
      config: {
        name: 'sequential',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 10, 3], dtype: 'float32', name: 'input_1' } },
          { class_name: 'GRU', config: { name: 'gru', units: 4, reset_after: true } },
        ],
      },
    };
    const message = error(json);
    expect(message).toMatch(/^GRU "gru": reset_after=True is not supported/);
    expect(message).toContain('Set reset_after=False');
  });

  it('names a refused option of another layer (Conv2D dilation_rate)', () => {
    const json = k2Functional(
      [k2Input('img', [28, 28, 1]), k2('Conv2D', 'atrous', { filters: 4, kernel_size: [3, 3], dilation_rate: [2, 2] }, [['img']])],
      ['img'],
      ['atrous'],
    );
    const message = error(json);
    expect(message).toMatch(/^Conv2D "atrous": /);
    expect(message).toContain('dilation_rate [2,2]');
  });

  it('reports every refused option at once, one line per layer', () => {
    const json = k2Functional(
      [
        k2Input('img', [28, 28, 1]),
        k2('Conv2D', 'atrous', { filters: 4, kernel_size: [3, 3], dilation_rate: [2, 2] }, [['img']]),
        k2('Flatten', 'flat', {}, [['atrous']]),
        k2('Dense', 'swishy', { ...dense(3), activation: 'swish' }, [['flat']]),
      ],
      ['img'],
      ['swishy'],
    );
    const lines = error(json).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Conv2D "atrous": .*dilation_rate/);
    expect(lines[1]).toMatch(/^Dense "swishy": .*swish/);
  });

  it('refuses a shared layer (Keras 2), naming it and how often it is applied', () => {
    const json = k2Functional(
      [
        k2Input('left', [8]),
        k2Input('right', [8]),
        k2('Dense', 'shared', dense(4), [['left'], ['right']]),
        k2('Subtract', 'diff', {}, [['shared:0', 'shared:1']]),
      ],
      ['left', 'right'],
      ['diff'],
    );
    expect(error(json)).toBe(
      'Shared layers are not supported: "shared" (Dense, applied 2 times). Each use of a layer must be its own layer here (with its own weights); duplicate the layer for each use.',
    );
  });

  it('refuses a shared layer (Keras 3 inbound nodes)', () => {
    const json = {
      class_name: 'Functional',
      config: {
        name: 'siamese',
        layers: [
          k3Input('a', [8]),
          k3Input('b', [8]),
          k3('Dense', 'embed', dense(4), [[k3Tensor('a', [null, 8])], [k3Tensor('b', [null, 8])]]),
          k3('Concatenate', 'cat', {}, [[[k3Tensor('embed', [null, 4], 0), k3Tensor('embed', [null, 4], 1)]]]),
        ],
        input_layers: [
          ['a', 0, 0],
          ['b', 0, 0],
        ],
        output_layers: [['cat', 0, 0]],
      },
    };
    expect(error(json)).toMatch(/^Shared layers are not supported: "embed" \(Dense, applied 2 times\)/);
  });

  it('refuses a nested model (a Sequential used as a layer), naming it', () => {
    const inner = { name: 'encoder', layers: [{ class_name: 'Dense', config: { name: 'enc_dense', ...dense(4) } }] };
    const json = k2Functional(
      [
        k2Input('x', [8]),
        { class_name: 'Sequential', config: inner, name: 'encoder', inbound_nodes: [[['x', 0, 0, {}]]] },
        k2('Dense', 'head', dense(1), [['encoder']]),
      ],
      ['x'],
      ['head'],
    );
    expect(error(json)).toBe(
      'Nested models are not supported: "encoder" (Sequential) is a whole model used as a layer. Rebuild the model with those layers inline (or import the inner model on its own).',
    );
  });

  it('refuses a nested Functional model as the first layer of a Sequential', () => {
    const json = {
      class_name: 'Sequential',
      config: { name: 's', layers: [{ class_name: 'Functional', config: { name: 'backbone', layers: [] } }] },
    };
    expect(error(json)).toMatch(/^Nested models are not supported: "backbone" \(Functional\)/);
  });

  it('refuses layers with several outputs and tensors passed as keyword arguments', () => {
    const multi = k2Functional(
      [k2Input('x', [8]), k2('Dense', 'd', dense(2), [['x']]), { ...k2('Dense', 'e', dense(2)), inbound_nodes: [[['d', 0, 1, {}]]] }],
      ['x'],
      ['e'],
    );
    expect(error(multi)).toBe('Layer "e" (Dense) uses output 1 of "d"; layers with several outputs are not supported');
    const kw = {
      class_name: 'Functional',
      config: {
        name: 'm',
        layers: [
          k3Input('x', [5, 3]),
          k3Input('h0', [4]),
          {
            ...k3('LSTM', 'lstm', { units: 4 }),
            inbound_nodes: [{ args: [k3Tensor('x', [null, 5, 3])], kwargs: { initial_state: [k3Tensor('h0', [null, 4])] } }],
          },
        ],
        input_layers: [
          ['x', 0, 0],
          ['h0', 0, 0],
        ],
        output_layers: [['lstm', 0, 0]],
      },
    };
    expect(error(kw)).toBe(
      'Layer "lstm" (LSTM) receives tensors as keyword arguments (such as mask or initial_state), which is not supported',
    );
  });

  describe('malformed JSON names the path', () => {
    const base = () =>
      k2Functional(
        [k2Input('x', [4]), k2('Dense', 'a', dense(2), [['x']]), k2('Dense', 'b', dense(2), [['a']]), k2('Dense', 'c', dense(2), [['b']])],
        ['x'],
        ['c'],
      );
    const layers = (json: Record<string, unknown>) => (json.config as { layers: Record<string, unknown>[] }).layers;

    it('a layer whose inbound_nodes is not a list', () => {
      const json = base();
      layers(json)[3]!.inbound_nodes = 'b';
      expect(error(json)).toBe('config.layers[3].inbound_nodes: expected a list but found "b"');
    });

    it('a broken inbound reference', () => {
      const json = base();
      layers(json)[2]!.inbound_nodes = [[['a', 'zero', 0, {}]]];
      expect(error(json)).toBe(
        'config.layers[2].inbound_nodes[0][0]: expected a ["layer", node, tensor, {}] reference but found ["a","zero",0,{}]',
      );
    });

    it('a reference to a layer that is not there', () => {
      const json = base();
      layers(json)[2]!.inbound_nodes = [[['ghost', 0, 0, {}]]];
      expect(error(json)).toBe('config.layers[2].inbound_nodes: layer "b" takes its input from "ghost", which is not in the model');
    });

    it('a layer without class_name or name', () => {
      const json = base();
      delete layers(json)[1]!.class_name;
      expect(error(json)).toBe('config.layers[1].class_name: expected a layer class name but found missing');
      const unnamed = base();
      delete layers(unnamed)[1]!.name;
      delete (layers(unnamed)[1]!.config as Record<string, unknown>).name;
      expect(error(unnamed)).toBe('config.layers[1].config.name: expected a layer name but found missing');
    });

    it('duplicate layer names and a layer never applied', () => {
      const dup = base();
      layers(dup)[2]!.name = 'a';
      expect(error(dup)).toBe('config.layers[2]: the layer name "a" appears twice; Keras layer names must be unique');
      const idle = base();
      layers(idle)[2]!.inbound_nodes = [];
      expect(error(idle)).toBe('config.layers[2].inbound_nodes: layer "b" is never applied to an input');
    });

    it('output_layers naming a missing layer, and missing layers list', () => {
      const json = base();
      (json.config as Record<string, unknown>).output_layers = [['nope', 0, 0]];
      expect(error(json)).toBe('config.output_layers: "nope" is not a layer of the model');
      expect(error({ class_name: 'Functional', config: { name: 'm' } })).toBe('config.layers: expected a list of layers but found missing');
    });

    it('not a model at all', () => {
      expect(error('{"class_name": ')).toMatch(/^The file is not valid JSON: /);
      expect(error([1, 2])).toBe('The file is not a Keras model: expected a JSON object but found [1,2]');
      expect(error({ class_name: 'Dense', config: {} })).toBe(
        'class_name: "Dense" is not a model class (expected Sequential, Functional or Model)',
      );
      expect(error({ modelTopology: { model_config: { class_name: 'Sequential', config: { layers: 'x' } } } })).toBe(
        'modelTopology.model_config.config.layers: expected a list of layers but found "x"',
      );
      expect(error({ format: 'layers-model', modelTopology: null })).toBe('modelTopology: expected an object but found null');
    });

    it('a Sequential model that was never built (no input shape)', () => {
      const json = {
        class_name: 'Sequential',
        config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'dense', ...dense(2) } }] },
      };
      expect(error(json)).toBe(
        'config.layers[0].config.batch_input_shape: the Sequential model has no input shape (no InputLayer, and its first layer "dense" has no batch_input_shape); build the model with an Input before saving it',
      );
    });
  });
});
