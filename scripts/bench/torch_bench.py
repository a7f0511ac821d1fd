"""PyTorch reference figures for `npm run bench`: training samples/s of the MLP (784-128-10) and
the small CNN (conv8-pool-conv16-pool-dense10) at batch 64 with Adam, on 2 threads.

Prints one JSON object on stdout: {"torch": version, "threads": n, "mlp": samples/s, "cnn": samples/s,
"mlp_runs": [...], "cnn_runs": [...]}. Random data of MNIST's shape: the speed does not depend on the
values. Run with LD_LIBRARY_PATH pointing at OpenBLAS-openmp (the reference BLAS is ~14x slower).
"""
import json
import statistics
import sys
import time

import torch
from torch import nn

torch.set_num_threads(2)
torch.manual_seed(0)

BATCH = 64
SAMPLES = 8000  # the train split of the built-in MNIST (80% of 10,000)
CHUNKS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


def cnn():
    # Same shapes as Keras 'same' padding: 28x28x8 -> 14x14x8 -> 14x14x16 -> 7x7x16 -> 10.
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(7 * 7 * 16, 10),
    )


def samples_per_second(model, samples):
    x = torch.rand(samples, 1, 28, 28)
    y = torch.randint(0, 10, (samples,))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def chunk():
        start = time.perf_counter()
        for i in range(0, samples, BATCH):
            optimizer.zero_grad()
            loss = loss_fn(model(x[i:i + BATCH]), y[i:i + BATCH])
            loss.backward()
            optimizer.step()
        loss.item()
        return samples / (time.perf_counter() - start)

    chunk()  # warm-up
    return [chunk() for _ in range(CHUNKS)]


mlp_runs = samples_per_second(mlp(), SAMPLES)
cnn_runs = samples_per_second(cnn(), SAMPLES // 4)
print(json.dumps({
    "torch": torch.__version__,
    "threads": torch.get_num_threads(),
    "mlp": statistics.median(mlp_runs),
    "cnn": statistics.median(cnn_runs),
    "mlp_runs": mlp_runs,
    "cnn_runs": cnn_runs,
}))
