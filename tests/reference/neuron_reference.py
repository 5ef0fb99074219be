#!/usr/bin/env python3
"""Independent reference for the neuron core: plain Python, no NumPy, written from the notes'
formulas (not from the C++). It writes tests/cases/neuron_reference_cases.json, which the native
tests and the node tests of the wasm module both check. Run it again only when a case is added:
    python3 tests/reference/neuron_reference.py > tests/cases/neuron_reference_cases.json
"""
import decimal
import json
import math
import statistics

decimal.getcontext().prec = 50

MASK = (1 << 64) - 1


class Xoshiro256StarStar:
    """xoshiro256** seeded by SplitMix64, as published by Blackman and Vigna."""

    def __init__(self, seed):
        self.s = []
        x = seed & MASK
        for _ in range(4):
            x = (x + 0x9E3779B97F4A7C15) & MASK
            z = x
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            self.s.append(z ^ (z >> 31))

    @staticmethod
    def rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & MASK

    def next(self):
        s = self.s
        result = (self.rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = self.rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def below(self, n):
        limit = MASK - MASK % n
        r = self.next()
        while r >= limit:
            r = self.next()
        return r % n

    def shuffle(self, items):
        for i in range(len(items), 1, -1):
            j = self.below(i)
            items[i - 1], items[j] = items[j], items[i - 1]


def f(act, z):
    if act == "sigmoid":
        return 1.0 / (1.0 + math.exp(-z))
    if act == "tanh":
        return math.tanh(z)
    if act == "relu":
        return max(z, 0.0)
    return z


def df(act, z, o):
    if act == "sigmoid":
        return o * (1 - o)
    if act == "tanh":
        return 1 - o * o
    if act == "relu":
        return 1.0 if z > 0 else 0.0
    return 1.0


def example(loss, act, z, t):
    """(E_m, dE_m/dz) for one example."""
    o = f(act, z)
    if loss == "cross_entropy":
        # The notes' formula in 50-digit decimals: in double, ln(1 − o) loses digits near o = 1.
        big_o = 1 / (1 + (-decimal.Decimal(z)).exp())
        t_ = decimal.Decimal(t)
        return float(-(t_ * big_o.ln() + (1 - t_) * (1 - big_o).ln())), o - t
    return 0.5 * (t - o) ** 2, -(t - o) * df(act, z, o)


class Neuron:
    def __init__(self, x, t, s):
        self.t, self.s = t, s
        n = len(x[0])
        if s["standardize"]:
            cols = list(zip(*x))
            self.mu = [statistics.mean(c) for c in cols]
            self.sd = [statistics.stdev(c) for c in cols]  # sample sd, M − 1
        else:
            self.mu, self.sd = [0.0] * n, [1.0] * n
        # rows (1, x̃1, …, x̃n) on the training scale
        self.rows = [[1.0] + [(r[j] - self.mu[j]) / self.sd[j] for j in range(n)] for r in x]
        self.raw_rows = [[1.0] + list(r) for r in x]
        self.rng = Xoshiro256StarStar(s["seed"])
        start = s["start"]
        if start["kind"] == "constant":
            self.w = [start["value"]] * (n + 1)
        elif start["kind"] == "random":
            a = start["value"] if start["value"] > 0 else 1.0
            self.w = [-a + 2 * a * self.rng.uniform() for _ in range(n + 1)]
        else:
            wr = start["weights"]
            self.w = [wr[0] + sum(wr[j + 1] * self.mu[j] for j in range(n))] + [
                wr[j + 1] * self.sd[j] for j in range(n)]

    def z(self, row, w):
        return sum(wi * xi for wi, xi in zip(w, row))

    def loss_grad(self, rows):
        """E and dE/dw_i = sum_m dE_m/dz * x_i^(m) over the given rows (training or raw scale)."""
        w = self.w if rows is self.rows else self.raw_w()
        E, g = 0.0, [0.0] * len(w)
        for row, t in zip(rows, self.t):
            e, d = example(self.s["loss"], self.s["activation"], self.z(row, w), t)
            E += e
            g = [gi + d * xi for gi, xi in zip(g, row)]
        return E, g

    def step(self):
        s = self.s
        if s["gradient"] == "stochastic":
            order = list(range(len(self.rows)))
            self.rng.shuffle(order)
            for m in order:
                row = self.rows[m]
                _, d = example(s["loss"], s["activation"], self.z(row, self.w), self.t[m])
                self.w = [wi - s["eta"] * d * xi for wi, xi in zip(self.w, row)]
            return
        _, g = self.loss_grad(self.rows)
        scale = s["eta"] / len(self.rows) if s["gradient"] == "mean" else s["eta"]
        self.w = [wi - scale * gi for wi, gi in zip(self.w, g)]

    def raw_w(self):
        n = len(self.mu)
        wr = [self.w[j + 1] / self.sd[j] for j in range(n)]
        return [self.w[0] - sum(wr[j] * self.mu[j] for j in range(n))] + wr

    def state(self):
        E, g = self.loss_grad(self.raw_rows)
        w = self.raw_w()
        outputs = [f(self.s["activation"], self.z(r, w)) for r in self.raw_rows]
        return {"weights": w, "loss": E, "gradient": g, "outputs": outputs}


# Eight made-up Good Food customers: age in years, last month's spending in kr, activated 0/1.
CUSTOMERS_X = [[23, 2900], [31, 2400], [38, 3300], [45, 2100], [52, 3600], [58, 2500],
               [64, 3100], [71, 1900]]
CUSTOMERS_T = [1, 1, 1, 0, 1, 0, 0, 0]


def settings(**kw):
    base = {"activation": "sigmoid", "loss": "squared", "gradient": "sum", "eta": 0.05,
            "standardize": True, "start": {"kind": "constant", "value": 0.0}, "seed": 1}
    base.update(kw)
    return base


CASES = [
    ("standardised squared error, summed gradient, start 0", settings(), [0, 1, 10, 200]),
    ("standardised cross-entropy from all start weights 10 (the notes' slow-learning start)",
     settings(loss="cross_entropy", eta=0.01, start={"kind": "constant", "value": 10.0}),
     [0, 1, 300]),
    ("squared error from all start weights 10: slow on the plateau",
     settings(eta=0.01, start={"kind": "constant", "value": 10.0}), [0, 1, 300]),
    ("tanh with the mean gradient", settings(activation="tanh", gradient="mean", eta=0.5),
     [1, 50]),
    ("ReLU from random start weights (seed 7)",
     settings(activation="relu", eta=0.02, seed=7, start={"kind": "random", "value": 1.0}),
     [0, 1, 40]),
    ("identity (ADALINE), stochastic updates shuffled by seed 3",
     settings(activation="identity", gradient="stochastic", eta=0.01, seed=3), [1, 2, 20]),
    ("cross-entropy, stochastic, seed 11",
     settings(loss="cross_entropy", gradient="stochastic", eta=0.1, seed=11), [1, 25]),
    ("given raw start weights are kept on the raw scale",
     settings(start={"kind": "given", "weights": [-0.298, -0.0375, 0.000769]}), [0, 5]),
    ("raw inputs, no standardisation, mean gradient",
     settings(standardize=False, gradient="mean", eta=1e-7), [0, 3]),
]


def main():
    cases = []
    for name, s, afters in CASES:
        neuron = Neuron(CUSTOMERS_X, CUSTOMERS_T, s)
        checks, done = [], 0
        for after in afters:
            while done < after:
                neuron.step()
                done += 1
            checks.append({"after": after, **neuron.state()})
        cases.append({"name": name, "source": "tests/reference/neuron_reference.py",
                      "tolerance": 1e-9, "relative": True,
                      "data": {"x": CUSTOMERS_X, "t": CUSTOMERS_T}, "settings": s,
                      "checks": checks})
    print(json.dumps({"about": "Generated by tests/reference/neuron_reference.py; do not edit.",
                      "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
