#!/usr/bin/env python3
"""Independent reference for "the course's settings" (AI-projektet, aimat.dk) on aimat.dk's own
goodfood.xlsx: plain Python 3, standard library only, written from the notes' description (not
from the project's C++ or TypeScript). It writes tests/cases/aimat_goodfood_reference.json, which
tests/node/aimat-settings.test.ts checks the app's import and the wasm core against.

The course's settings: sigmoid; inputs standardised to z-scores with the sample sd (M − 1); all
start weights equal on the standardised scale; gradient descent with the gradient summed over all
M examples, simultaneous updates with η = 0.001; weights reported on the raw scale.

Regenerate (a few minutes; run from the repository's root):
    python3 tests/reference/aimat_reference.py > tests/cases/aimat_goodfood_reference.json
or give the path of goodfood.xlsx as the only argument.
"""
import hashlib
import json
import math
import os
import statistics
import sys
import time
import zipfile
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_XLSX = "../shared/data/classification/goodfood/goodfood.xlsx"  # relative to REPO
REGENERATE = "python3 tests/reference/aimat_reference.py > tests/cases/aimat_goodfood_reference.json"

ETA = 0.001
CHECKPOINTS = [1000, 10000, 200000]
FEATURE_SETS = [["Alder", "Forbrug"], ["Alder", "Forbrug", "Kon"]]
LOSSES = ["squared", "cross_entropy"]
STARTS = [0.0, 10.0]
# Two new customers: (Alder 50, Forbrug 3500, Kon 1) and (Alder 65, Forbrug 2800, Kon 0).
CUSTOMERS = [{"Alder": 50, "Forbrug": 3500, "Kon": 1}, {"Alder": 65, "Forbrug": 2800, "Kon": 0}]

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


# ---- reading the .xlsx -------------------------------------------------------------------------

def first_sheet_path(z):
    """The first <sheet> of workbook.xml, found through the workbook's relationships."""
    workbook = ET.fromstring(z.read("xl/workbook.xml"))
    rid = workbook.find("m:sheets/m:sheet", NS).get(REL_NS)
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    # Targets are relative to xl/, or absolute from the zip's root when they start with "/".
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def shared_strings(z):
    """The shared-string table (absent when a file uses inline strings only)."""
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    # A shared string may be split into rich-text runs: join every <t> inside each <si>.
    return ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in root.findall("m:si", NS)]


def column_index(ref):
    """'C12' → 2: the letters of a cell reference, base 26."""
    n = 0
    for ch in ref:
        if not ch.isalpha():
            break
        n = n * 26 + ord(ch.upper()) - ord("A") + 1
    return n - 1


def cell_value(c, strings):
    """A cell as str (text) or float (number)."""
    kind = c.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
    v = c.find("m:v", NS)
    if v is None:
        return ""
    if kind == "s":
        return strings[int(v.text)]
    if kind in ("str", "b", "e"):
        return v.text or ""
    return float(v.text)


def read_xlsx(path):
    """The first sheet as a list of rows (header row first), each a list of str/float."""
    with zipfile.ZipFile(path) as z:
        strings = shared_strings(z)
        sheet = ET.fromstring(z.read(first_sheet_path(z)))
    rows = []
    for row in sheet.iterfind("m:sheetData/m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            cells[column_index(c.get("r"))] = cell_value(c, strings)
        if cells:
            rows.append([cells.get(j, "") for j in range(max(cells) + 1)])
    return rows


def load_goodfood(path):
    """Columns Alder, Forbrug, Kon as floats and t from Aktiveret (Ja → 1, Nej → 0)."""
    header, *body = read_xlsx(path)
    header = [str(h).strip() for h in header]
    assert header[:4] == ["Alder", "Forbrug", "Kon", "Aktiveret"], header
    columns = {name: [float(r[j]) for r in body] for j, name in enumerate(header[:3])}
    target = {"ja": 1.0, "nej": 0.0}
    t = [target[str(r[3]).strip().lower()] for r in body]
    return columns, t


# ---- the neuron --------------------------------------------------------------------------------

def sigmoid(z):
    # Two forms so exp never overflows for large |z|.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def softplus(z):
    """ln(1 + e^z) without overflow, and without losing digits for large negative z."""
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def loss(kind, zs, t):
    """E summed over all examples, the notes' E."""
    if kind == "squared":
        return 0.5 * sum((tm - sigmoid(z)) ** 2 for z, tm in zip(zs, t))
    # Cross-entropy: −[t·ln σ(z) + (1−t)·ln(1−σ(z))] = t·softplus(−z) + (1−t)·softplus(z), exactly,
    # since ln σ(z) = −softplus(−z) and ln(1−σ(z)) = −softplus(z). This equals softplus(z) − t·z,
    # but for t ∈ {0, 1} the form below avoids the cancellation of softplus(z) − z when z is large.
    return sum(softplus(-z) if tm == 1.0 else softplus(z) for z, tm in zip(zs, t))


def net_inputs(w, cols):
    """z^(m) = w0 + w1·x1^(m) + … + wn·xn^(m) for every example m, column by column."""
    zs = [w[0]] * len(cols[0])
    for wj, col in zip(w[1:], cols):
        zs = [z + wj * x for z, x in zip(zs, col)]
    return zs


def train(w, cols, t, kind, iterations):
    """`iterations` steps of w̃_i ← w̃_i − η·∂E/∂w̃_i, the gradient summed over all examples."""
    for _ in range(iterations):
        outs = [sigmoid(z) for z in net_inputs(w, cols)]
        if kind == "squared":
            # ∂E/∂z^(m) = −(t − o)·o·(1 − o)
            d = [(o - tm) * o * (1.0 - o) for o, tm in zip(outs, t)]
        else:
            # ∂E/∂z^(m) = −(t − o): the factor o·(1 − o) is gone
            d = [o - tm for o, tm in zip(outs, t)]
        # Every ∂E/∂w̃_i from the same old w̃ (simultaneous update); x̃_0 = 1.
        grad = [math.fsum(d)] + [math.fsum(dm * x for dm, x in zip(d, col)) for col in cols]
        w = [wi - ETA * gi for wi, gi in zip(w, grad)]
    return w


def to_raw(w, mu, sd):
    """w_j = w̃_j / s_j and w0 = w̃0 − Σ_j w_j·μ_j: the same z on the original inputs."""
    raw = [wj / s for wj, s in zip(w[1:], sd)]
    return [w[0] - math.fsum(wj * m for wj, m in zip(raw, mu))] + raw


def accuracy(zs, t):
    """The share of examples where (o ≥ 0.5) equals (t = 1)."""
    return sum((sigmoid(z) >= 0.5) == (tm == 1.0) for z, tm in zip(zs, t)) / len(t)


def predict(raw, inputs):
    """o = σ(w0 + w1·x1 + … + wn·xn) on the raw scale, for each new customer."""
    return [sigmoid(raw[0] + math.fsum(wj * x for wj, x in zip(raw[1:], row))) for row in inputs]


def run(config):
    """One configuration: train to each checkpoint and record E, weights, accuracy, predictions."""
    features, kind, start, data = config["features"], config["loss"], config["start"], config["data"]
    columns, t = data
    raw_cols = [columns[f] for f in features]
    mu = [statistics.mean(c) for c in raw_cols]
    sd = [statistics.stdev(c) for c in raw_cols]  # sample sd: divides by M − 1
    cols = [[(x - m) / s for x in c] for c, m, s in zip(raw_cols, mu, sd)]
    inputs = [[c[f] for f in features] for c in CUSTOMERS]
    w = [start] * (len(features) + 1)
    done, checks, began = 0, [], time.time()
    for after in CHECKPOINTS:
        w = train(w, cols, t, kind, after - done)
        done = after
        zs = net_inputs(w, cols)
        raw = to_raw(w, mu, sd)
        checks.append({"after": after, "loss": loss(kind, zs, t), "weights": raw,
                       "accuracy": accuracy(zs, t), "predict": {"x": inputs, "o": predict(raw, inputs)}})
        print(f"  {config['name']}: {after} iterations, E = {checks[-1]['loss']:.10g} "
              f"({time.time() - began:.0f} s)", file=sys.stderr, flush=True)
    return {"name": config["name"], "features": features, "loss": kind, "start": start,
            "scaling": {"mean": mu, "sd": sd}, "checks": checks}


def config_name(features, kind, start):
    loss_name = "squared error" if kind == "squared" else "cross-entropy"
    return f"{loss_name}, {'+'.join(features)}, start {start:g}"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, DEFAULT_XLSX)
    with open(path, "rb") as fh:
        sha256 = hashlib.sha256(fh.read()).hexdigest()
    data = load_goodfood(path)
    configs = [{"name": config_name(f, k, s), "features": f, "loss": k, "start": s, "data": data}
               for f in FEATURE_SETS for k in LOSSES for s in STARTS]
    began = time.time()
    # The configurations are independent: one process each, as many at a time as there are CPUs.
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(run, configs))
    seconds = time.time() - began
    print(f"done in {seconds:.0f} s", file=sys.stderr)
    json.dump({
        "about": "Generated by tests/reference/aimat_reference.py; do not edit.",
        "regenerate": REGENERATE + " (from the repository's root, with ../shared present)",
        "file": {"path": DEFAULT_XLSX, "sha256": sha256, "rows": len(data[1])},
        "settings": {"activation": "sigmoid", "gradient": "sum", "eta": ETA, "standardize": True,
                     "sd": "sample (M - 1)", "start": "all weights equal, on the standardised scale",
                     "loss": "the summed E of the notes", "target": "Aktiveret: Ja = 1, Nej = 0"},
        "checkpoints": CHECKPOINTS,
        "configurations": results,
    }, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
