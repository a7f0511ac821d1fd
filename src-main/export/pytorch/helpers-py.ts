/**
 * Python helpers the generated model.py includes when a layer needs one: the pieces where
 * PyTorch's built-ins compute something different from Keras/tfjs.
 */
import type { HelperName } from './context.js';

const AVG_POOL = `
def avg_pool_excluding_padding(x, pool, kernel, stride, pads):
    """TensorFlow's 'same' average pooling: each window's sum over its in-bounds values only.
    avg_pool of the zero-padded input is sum/k; avg_pool of a padded mask of ones is count/k."""
    ones = torch.ones_like(x[:1, :1])
    return pool(F.pad(x, pads), kernel, stride) / pool(F.pad(ones, pads), kernel, stride)
`;

const BILINEAR = `
def resize_bilinear_asymmetric(x, sh, sw):
    """tfjs resizeBilinear with alignCorners = halfPixelCenters = false (what Keras UpSampling2D
    runs in TF.js): source = destination / scale. F.interpolate(align_corners=False) samples at
    half-pixel centres instead, so it would differ."""
    def taps(n, s):
        src = torch.arange(n * s, dtype=torch.float32, device=x.device) / s
        i0 = src.floor().long()
        return i0, torch.clamp(i0 + 1, max=n - 1), (src - i0).to(x.dtype)
    h0, h1, fh = taps(x.shape[2], sh)
    w0, w1, fw = taps(x.shape[3], sw)
    left, right = x[:, :, :, w0], x[:, :, :, w1]
    cols = left + (right - left) * fw.view(1, 1, 1, -1)
    top, bottom = cols[:, :, h0], cols[:, :, h1]
    return top + (bottom - top) * fh.view(1, 1, -1, 1)
`;

const RECURRENT = `
_ACTS = {
    "linear": lambda z: z,
    "relu": F.relu,
    "relu6": lambda z: F.hardtanh(z, 0.0, 6.0),
    "sigmoid": torch.sigmoid,
    "hardSigmoid": lambda z: torch.clamp(0.2 * z + 0.5, 0.0, 1.0),  # tfjs's, not F.hardsigmoid
    "tanh": torch.tanh,
    "softmax": lambda z: F.softmax(z, dim=-1),
    "elu": F.elu,
}


class KerasRecurrent(nn.Module):
    """Keras's SimpleRNN / LSTM / GRU step equations with the weights in Keras's own layout
    (kernel [in, gates*units], recurrent_kernel [units, gates*units], bias [gates*units]; gate
    blocks i,f,c,o for LSTM and z,r,h for GRU). Used where torch.nn's cells compute something
    else: GRU here is tfjs's reset_after=False form (r multiplies h BEFORE the recurrent matmul;
    nn.GRU multiplies after, like Keras's reset_after=True), and any non-default activation.
    Dropout inside the cell (Keras dropout / recurrent_dropout) is not reproduced."""

    GATES = {"simple_rnn": 1, "lstm": 4, "gru": 3}

    def __init__(self, cell, input_size, units, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, return_sequences=False, go_backwards=False):
        super().__init__()
        self.cell, self.units = cell, units
        self.act, self.rec_act = _ACTS[activation], _ACTS[recurrent_activation]
        self.return_sequences, self.go_backwards = return_sequences, go_backwards
        size = self.GATES[cell] * units
        self.kernel = nn.Parameter(torch.empty(input_size, size))
        self.recurrent_kernel = nn.Parameter(torch.empty(units, size))
        self.bias = nn.Parameter(torch.zeros(size)) if use_bias else None
        # Keras's initializers, for training from scratch: Glorot uniform, orthogonal, zeros
        # (LSTM's unit_forget_bias: forget-gate bias 1).
        nn.init.xavier_uniform_(self.kernel)
        nn.init.orthogonal_(self.recurrent_kernel)
        if self.bias is not None and cell == "lstm":
            with torch.no_grad():
                self.bias[units:2 * units] = 1.0

    def forward(self, x):
        if self.go_backwards:  # Keras walks the steps last to first and emits them in that order
            x = x.flip(1)
        xw = x @ self.kernel  # every step's input projection at once: [N, T, gates*units]
        if self.bias is not None:
            xw = xw + self.bias
        h = x.new_zeros(x.shape[0], self.units)
        c = torch.zeros_like(h)
        u, rk, outputs = self.units, self.recurrent_kernel, []
        for t in range(x.shape[1]):
            z = xw[:, t]
            if self.cell == "simple_rnn":
                h = self.act(z + h @ rk)
            elif self.cell == "lstm":
                i, f, g, o = (z + h @ rk).chunk(4, dim=-1)
                c = self.rec_act(f) * c + self.rec_act(i) * self.act(g)
                h = self.rec_act(o) * self.act(c)
            else:  # gru, reset_after=False (tfjs GRUCell.call)
                xz, xr, xh = z.chunk(3, dim=-1)
                hz, hr = (h @ rk[:, :2 * u]).chunk(2, dim=-1)
                zg, r = self.rec_act(xz + hz), self.rec_act(xr + hr)
                hh = self.act(xh + (r * h) @ rk[:, 2 * u:])
                h = zg * h + (1 - zg) * hh
            outputs.append(h)
        return torch.stack(outputs, dim=1) if self.return_sequences else h
`;

/** Python source of each helper (included once, in this order). */
export const PYTHON_HELPERS: Record<HelperName, string> = {
  avgPoolExcludingPadding: AVG_POOL,
  resizeBilinearAsymmetric: BILINEAR,
  kerasRecurrent: RECURRENT,
};
