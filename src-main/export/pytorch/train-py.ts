/**
 * The exported train.py: continues training NetwrightModel (or starts from scratch) with the
 * app's recipe from training.json, on data.npz or an image folder, on one machine or unchanged
 * under `torchrun --nproc_per_node=N` (DistributedDataParallel, gloo backend, DistributedSampler,
 * rank-0 logging and saving). Written verbatim; everything model-specific is in model.py and the
 * JSON files.
 */
export const TRAIN_PY = String.raw`"""Train the exported NetwrightModel with the recipe Netwright used (training.json).

One process:        /usr/bin/python3 train.py [--data data.npz | --images DIR] [--epochs N]
Several processes:  torchrun --nproc_per_node=2 train.py ...   (DistributedDataParallel, gloo)

(Debian's torch 1.13 on Python 3.11 needs "--redirects 1 --tee 1" after torchrun: its default
"--redirects 0" hits a Python 3.11 enum change and crashes before starting any worker.)

Starts from weights.npz (the trained weights) unless --from-scratch. data.npz holds x (model-ready
inputs: already resized and normalized) and y (class indices, or targets for regression).
"""
import argparse
import json
import math
import os

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

from model import NetwrightModel, load_weights

HERE = os.path.dirname(os.path.abspath(__file__))
EPSILON = 1e-7  # Keras's backend epsilon: probabilities are clipped to [eps, 1 - eps] in cross-entropies


def read_json(name):
    with open(os.path.join(HERE, name)) as f:
        return json.load(f)


def load_images(root, prep):
    """Class sub-folders of images, decoded like Netwright: EXIF rotation, alpha on black, resize, normalize.
    (Netwright resizes with libvips' Lanczos-3; PIL's LANCZOS is close but not bit-identical.)"""
    from PIL import Image, ImageOps
    h, w, c = prep["input"]["shape"]
    norm = prep["normalization"] or {"mean": [0.0] * c, "std": [1.0] * c}
    xs, ys = [], []
    for label, name in enumerate(prep["classNames"]):
        folder = os.path.join(root, name)
        for file in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            img = ImageOps.exif_transpose(Image.open(os.path.join(folder, file))).convert("RGBA")
            img = Image.alpha_composite(Image.new("RGBA", img.size, (0, 0, 0, 255)), img).convert("L" if c == 1 else "RGB")
            mode = prep["resize"] or "stretch"
            if mode == "crop":
                img = ImageOps.fit(img, (w, h), Image.LANCZOS)
            elif mode == "pad":
                img = ImageOps.pad(img, (w, h), Image.LANCZOS, color=0)
            else:
                img = img.resize((w, h), Image.LANCZOS)
            x = np.asarray(img, dtype=np.float32).reshape(h, w, c) / 255.0
            xs.append((x - np.array(norm["mean"], np.float32)) / np.array(norm["std"], np.float32))
            ys.append(label)
    return np.stack(xs).astype(np.float32), np.array(ys, dtype=np.int64)


def loss_fn(kind, out, y):
    """Keras semantics on probabilities (tfjs-layers losses.ts)."""
    if kind == "categoricalCrossentropy":
        p = (out / out.sum(dim=-1, keepdim=True)).clamp(EPSILON, 1 - EPSILON)
        return -(F.one_hot(y.long(), out.shape[-1]).to(p.dtype) * p.log()).sum(dim=-1).mean()
    if kind == "binaryCrossentropy":
        p, t = out.clamp(EPSILON, 1 - EPSILON), y.to(out.dtype).view_as(out)
        return -(t * p.log() + (1 - t) * (1 - p).log()).mean()
    return ((out - y.to(out.dtype).view_as(out)) ** 2).mean()


def make_optimizer(recipe, params):
    """tfjs's optimizer defaults (epsilon 1e-7, RMSprop decay 0.9, Adagrad initial accumulator 0.1)."""
    lr, name = recipe["learningRate"], recipe["optimizer"]
    if name == "sgd":
        momentum, nesterov = recipe.get("momentum") or 0.0, bool(recipe.get("nesterov"))
        return torch.optim.SGD(params, lr=lr, momentum=0.9 if nesterov and momentum == 0 else momentum, nesterov=nesterov)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-7)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7)
    return torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1, eps=1e-7)


class Schedule:
    """Netwright's per-epoch learning-rate schedules (src-main/training/trainer/schedules.ts).
    Plateau watches this script's epoch loss (there is no validation split here)."""

    def __init__(self, spec, base, epochs):
        self.spec, self.base, self.epochs = spec or {"kind": "constant"}, base, epochs
        self.lr, self.best, self.wait = base, math.inf, 0

    def rate(self, epoch):
        s, base = self.spec, self.base
        if s["kind"] == "step":
            return base * s["factor"] ** (epoch // max(1, s["everyEpochs"]))
        if s["kind"] == "exponential":
            return base * s["decay"] ** epoch
        if s["kind"] == "cosine":
            low = s.get("minLearningRate", 0.0)
            return low + 0.5 * (base - low) * (1 + math.cos(math.pi * epoch / max(1, self.epochs)))
        return self.lr  # constant, or plateau's current rate

    def observe(self, loss):
        if self.spec["kind"] != "plateau":
            return
        if loss < self.best:
            self.best, self.wait = loss, 0
        else:
            self.wait += 1
            if self.wait >= max(1, self.spec["patience"]):
                self.lr, self.wait = max(self.spec.get("minLearningRate", 0.0), self.lr * self.spec["factor"]), 0


def main():
    recipe = read_json("training.json")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(HERE, "data.npz"))
    ap.add_argument("--images", help="class sub-folders of images instead of --data")
    ap.add_argument("--epochs", type=int, default=recipe["epochs"])
    ap.add_argument("--batch-size", type=int, default=recipe["batchSize"])
    ap.add_argument("--lr", type=float, default=recipe["learningRate"])
    ap.add_argument("--from-scratch", action="store_true", help="PyTorch's default initialization instead of weights.npz")
    ap.add_argument("--out", default=os.path.join(HERE, "trained_state_dict.pt"))
    args = ap.parse_args()
    recipe["learningRate"] = args.lr

    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1  # set by torchrun
    if distributed:
        dist.init_process_group("gloo")  # gloo: the backend that works on CPUs
    rank, world = (dist.get_rank(), dist.get_world_size()) if distributed else (0, 1)
    torch.set_num_threads(max(1, (os.cpu_count() or 2) // world))
    torch.manual_seed(recipe.get("seed", 0))

    if args.images:
        x, y = load_images(args.images, read_json("preprocessing.json"))
    else:
        arrays = np.load(args.data)
        x, y = arrays["x"], arrays["y"]
    dataset = TensorDataset(torch.from_numpy(np.ascontiguousarray(x)), torch.from_numpy(np.ascontiguousarray(y)))
    sampler = DistributedSampler(dataset, shuffle=True, seed=recipe.get("seed", 0)) if distributed else None
    loader = DataLoader(dataset, batch_size=args.batch_size, shuffle=sampler is None, sampler=sampler)

    model = NetwrightModel()
    if not args.from_scratch:
        load_weights(model, os.path.join(HERE, "weights.npz"))
    # Each process normalizes with its own batch statistics (no SyncBatchNorm), as one tfjs batch would.
    net = DistributedDataParallel(model) if distributed else model
    optimizer = make_optimizer(recipe, model.parameters())
    schedule = Schedule(recipe.get("schedule"), recipe["learningRate"], args.epochs)
    decay = recipe.get("weightDecay") or 0.0

    for epoch in range(args.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)  # a different shuffle every epoch, consistent across processes
        lr = schedule.rate(epoch)
        for group in optimizer.param_groups:
            group["lr"] = lr
        net.train()
        totals = torch.zeros(2, dtype=torch.float64)  # summed loss, sample count
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(recipe["loss"], net(xb), yb)
            total = loss + model.regularization_loss()
            if decay:
                total = total + decay * sum(p.pow(2).sum() for p in model.kernel_parameters())
            total.backward()
            optimizer.step()
            totals += torch.tensor([loss.item() * len(xb), len(xb)], dtype=torch.float64)
        if distributed:
            dist.all_reduce(totals)  # every process's share of the epoch
        epoch_loss = (totals[0] / max(totals[1], 1)).item()
        schedule.observe(epoch_loss)
        if rank == 0:
            print(json.dumps({"epoch": epoch + 1, "loss": epoch_loss, "learningRate": lr, "samples": int(totals[1]), "processes": world}), flush=True)

    if rank == 0:
        torch.save(model.state_dict(), args.out)
        print(json.dumps({"saved": args.out}), flush=True)
    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
`;
