#!/usr/bin/env python3
"""The course's neural-network language model (wasm/core/language/neural_model.hpp) in PyTorch, for
`npm run bench` (scripts/bench-neural.mjs): the peer our native core's training speed is compared with.

Built as `lm neural-train` builds it, so that the rows and the work per row are the same:
  - the words: the text split at white space (the bench's corpus is already normalised: lower case,
    no punctuation, so this is what the core's normaliser gives; the bench checks the counts);
  - the vocabulary: the --max-vocab most frequent words (equal counts in the order they first occur),
    every other word one unknown word, so V = max-vocab + 1;
  - one row per word r: the c words before it → word r, positions modulo n (the text starts over);
  - x = the c word vectors stacked (c·m), random uniform in ±1 and frozen (a throughput row: random
    vectors do the same work as word2vec ones); a = W·[1;x], h = sigmoid(a) (d); y = U·[1;h] (V);
    cross-entropy of softmax(y), the mean over each mini-batch of B rows; W and U uniform in
    ±1/√(fan-in + 1); Adam (β1 0.9, β2 0.999, ε 1e-8; PyTorch's default implementation) or SGD;
  - a new shuffled order of the rows each epoch; the last batch of an epoch may be smaller.
Timed: the training loop alone (the rows built, and --warmup batches on a throwaway model, before it).
One thread: torch.set_num_threads(1), and OpenBLAS and OpenMP limited to one before torch loads.
Run the bench with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (it does), so OpenBLAS picks its
kernels for this CPU.

Prints one JSON line. Exit code 3 with a message on stderr when torch cannot be imported.
"""
import argparse
import collections
import json
import os
import sys
import time

# Before torch (and with it OpenBLAS) loads: their thread pools are sized when they start.
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["OPENBLAS_NUM_THREADS"] = "1"

try:
    import torch
    import torch.nn.functional as F
except Exception as e:  # ImportError, or a broken install that fails while loading
    print(f"cannot import torch: {e}", file=sys.stderr)
    sys.exit(3)


def arguments():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--input", required=True, help="text, one sentence per line, already normalised")
    p.add_argument("--context", type=int, default=3, help="c, the words before the next one")
    p.add_argument("--dim", type=int, default=100, help="m, numbers per word vector")
    p.add_argument("--hidden", type=int, default=50, help="d, hidden neurons")
    p.add_argument("--max-vocab", type=int, default=2000, help="most frequent words kept; V = this + 1")
    p.add_argument("--batch", type=int, default=32, help="B, rows per mini-batch")
    p.add_argument("--optimiser", choices=["adam", "sgd"], default="adam")
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--warmup", type=int, default=20, help="untimed mini-batches on a throwaway model first")
    p.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    p.add_argument("--seed", type=int, default=1)
    return p.parse_args()


# Word ids as lm neural-train gives them: most frequent first, the unknown word last.
def word_ids(path, max_vocab):
    with open(path, encoding="utf-8") as f:
        words = f.read().split()
    counts = collections.Counter(words)  # keeps first occurrence order, so most_common breaks ties by it
    kept = {w: i for i, (w, _) in enumerate(counts.most_common(max_vocab))}
    unknown = len(kept)
    ids = [kept.get(w, unknown) for w in words]
    vocabulary = len(kept) + (1 if unknown in ids else 0)
    return torch.tensor(ids, dtype=torch.long), vocabulary


# Row r: (ids[r−c] … ids[r−1] → ids[r]), positions modulo n, first context word first.
def rows_of(ids, c):
    n = ids.numel()
    r = torch.arange(n)
    context = torch.stack([ids[(r - (c - i)) % n] for i in range(c)], dim=1)
    return context, ids.clone()


class Model(torch.nn.Module):
    def __init__(self, V, c, m, d, dtype, generator):
        super().__init__()
        uniform = lambda shape, r: (torch.rand(shape, generator=generator, dtype=dtype) * 2 - 1) * r
        self.E = uniform((V, m), 1.0)  # frozen: a plain tensor, not a parameter
        self.hidden = torch.nn.Linear(c * m, d, dtype=dtype)
        self.output = torch.nn.Linear(d, V, dtype=dtype)
        with torch.no_grad():
            for layer in (self.hidden, self.output):
                r = (layer.in_features + 1) ** -0.5
                layer.weight.copy_(uniform(layer.weight.shape, r))
                layer.bias.copy_(uniform(layer.bias.shape, r))

    def forward(self, context):
        x = self.E[context].reshape(context.shape[0], -1)  # (B, c·m)
        return self.output(torch.sigmoid(self.hidden(x)))  # y (B, V); softmax is in the loss


def optimiser_for(model, a):
    if a.optimiser == "adam":
        return torch.optim.Adam(model.parameters(), lr=a.lr, betas=(0.9, 0.999), eps=1e-8)
    return torch.optim.SGD(model.parameters(), lr=a.lr)


# One epoch's mini-batches (or the first `limit`); returns Σ over batches of L_B/B·|B| (the summed loss).
def train_epoch(model, optimiser, context, target, batch, generator, limit=None):
    n = target.numel()
    order = torch.randperm(n, generator=generator)
    total = 0.0
    for k, start in enumerate(range(0, n, batch)):
        if limit is not None and k >= limit:
            break
        b = order[start:start + batch]
        loss = F.cross_entropy(model(context[b]), target[b])  # the mean over the batch
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        optimiser.step()
        total += loss.item() * b.numel()
    return total


def blas_library():
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    return sorted(os.path.realpath(p) for p in paths)


def main():
    a = arguments()
    torch.set_num_threads(1)
    dtype = getattr(torch, a.dtype)
    ids, V = word_ids(a.input, a.max_vocab)
    context, target = rows_of(ids, a.context)
    n = target.numel()

    warm = torch.Generator().manual_seed(a.seed + 1)
    throwaway = Model(V, a.context, a.dim, a.hidden, dtype, warm)
    train_epoch(throwaway, optimiser_for(throwaway, a), context, target, a.batch, warm, limit=a.warmup)

    generator = torch.Generator().manual_seed(a.seed)
    model = Model(V, a.context, a.dim, a.hidden, dtype, generator)
    optimiser = optimiser_for(model, a)
    wall, cpu = time.perf_counter(), time.process_time()
    losses = [train_epoch(model, optimiser, context, target, a.batch, generator) / n for _ in range(a.epochs)]
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu

    print(json.dumps({
        "torch": torch.__version__, "dtype": a.dtype, "threads": torch.get_num_threads(), "blas": blas_library(),
        "rows": n, "vocabulary": V, "epochs": a.epochs, "seconds": seconds, "cpuSeconds": cpu_seconds,
        "wordsPerSecond": a.epochs * n / seconds, "trainLossPerWord": losses,
    }))


if __name__ == "__main__":
    main()
