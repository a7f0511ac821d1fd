/**
 * The guidance shown beside each training and data setting: what it does and why, in the
 * course's words, so a setting is never just a number to guess.
 */
export const HELP = {
  optimizer:
    'How the gradient becomes a weight update. Adam adapts each weight’s step from running gradient statistics and works out of the box for most networks; SGD takes plain steps (with momentum it is a strong, well-understood baseline); RMSprop adapts steps per weight and suits recurrent nets; Adagrad shrinks the steps of often-updated weights.',
  momentum:
    'Keeps a running average of past gradients, so steps keep going in consistent directions and oscillations across a valley cancel out. 0.9 is the usual choice; 0 is plain SGD.',
  nesterov: 'Evaluates the gradient where momentum is about to carry the weights (a look-ahead); usually converges a little faster.',
  learningRate:
    'The size of each step down the gradient — the most important setting. Too high and the loss jumps around or becomes NaN; too low and training crawls. Adam works well near 0.001, SGD often wants 0.01–0.1.',
  schedule:
    'Lowering the learning rate during training lets it take big steps early and settle into a minimum later, usually ending at a lower loss than a constant rate.',
  batchSize:
    'Each update averages the gradient over one mini-batch. Bigger batches give smoother steps and use the hardware better but need more memory and update less often; smaller ones are noisier, which can even help generalization. 32–128 is a good start.',
  epochs: 'One epoch shows the model every training sample once. Watch the validation curve: when it stops improving, more epochs only memorize.',
  seed: 'Fixes shuffling, the splits, the initial weights and dropout: the same seed on the same backend gives the same curves, so two settings can be compared fairly.',
  weightDecay:
    'Adds λ·Σw² to the loss, pulling every weight towards zero at each step. Smaller weights make a smoother function that overfits less. Typical values are 1e-5 to 1e-3; 0 turns it off.',
  earlyStopping:
    'Watches the validation loss and stops when it has not improved for “patience” epochs — the point where the model starts to memorize the training set instead of learning from it.',
  restoreBest: 'When training stops, put back the weights of the epoch with the best validation loss instead of keeping the last ones.',
  validationSplit:
    'Held out from training to measure how well the model does on data it has not seen. It picks the best epoch and drives early stopping and the plateau schedule.',
  testSplit: 'Touched only once, after training, for an honest final score. Tuning settings on it would make that score optimistic.',
  normalize:
    'Inputs on a small, similar scale (0–1, or mean 0 and spread 1) keep the first layer’s gradients balanced, so one learning rate suits every weight and training converges faster.',
  resize: 'Images are fitted to the Input layer’s height × width: stretch distorts, crop cuts the overflow, pad adds black borders.',
  augmentation:
    'Random changes to training images (never to validation or test) show the model more variety than the data has, so it learns what matters — the shape, not where it sits or how bright it is. Use only changes that keep the label true: a flipped 6 is not a 6.',
} as const;
