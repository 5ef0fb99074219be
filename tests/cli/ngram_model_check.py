"""The pruned N-gram model files end to end (CTest ngram_model_cli):
python3 ngram_model_check.py LM_BINARY WORK_DIR PROJECT_DIR.

lm ngram-export on the note's four sentences (what is kept and the held-out loss worked out by
hand), lm ngram-sample --model on what it wrote, refused input, and the shipped
data/ngram-da.aing: within the page's download budget, its size as data/README.md says, and the
README's sample texts still what the file writes. Needs no corpus.
"""
import gzip
import json
import math
import os
import shlex
import sys

from cli_checks import NOTE, Checks

LM, WORK, PROJECT = sys.argv[1], sys.argv[2], sys.argv[3]
SHIPPED = os.path.join(PROJECT, "data", "ngram-da.aing")
BUDGET = 3_300_000  # gzip bytes: the page's 4 MB with its ~0.5 MB of code (data/README.md)
checks = Checks(LM, WORK)
write, run, check = checks.write, checks.run, checks.check

note = write("note.txt", NOTE)
held = write("heldout.txt", "En ulv\n")
model = os.path.join(WORK, "note.aing")

# Pruned at 2 (hand counts in tests/cpp/ngram_counts_test.cpp): words en, efter, hund, kat, løber
# ("ikke" once), 6 bigrams, 6 trigrams, 5 four-grams and 3 five-grams counted twice or more.
code, out, err = run("ngram-export", "--input", note, "--held-out", held, "--output", model, "--min-count", "2",
                     "--set-bits", "20", "--json")
try:
    answer = json.loads(out)
    check(code == 0 and answer["kept"] == [5, 6, 6, 5, 3] and answer["vocabulary"] == 5 and answer["corpusWords"] == 25,
          f"ngram-export keeps 5, 6, 6, 5, 3 of the note ({answer['kept']})")
    check(answer["sixGrams"]["distinctInText"] == 24 and answer["bytes"] == os.path.getsize(model),
          "24 different 6-grams; the reported size is the file's")
    # Held out "en ulv". Pruned: N = 25, V = 5, one word ("ikke") outside: P₀(en) = 9/31, the unknown
    # "ulv" (1 + 1)/31. Unpruned with the same words ("ikke" the sixth, one word for all outside):
    # P₀(en) = 9/32, P₀(ulv) = (1 + 1)/32.
    held_out = answer["heldOut"]
    pruned = (math.log(31 / 9) + math.log(31 / 2)) / 2
    whole = (math.log(32 / 9) + math.log(32 / 2)) / 2
    check(abs(held_out["lossPerWord"][0] - pruned) < 1e-12, f"held-out unigram loss {held_out['lossPerWord'][0]!r} = {pruned!r}")
    check(abs(held_out["lossPerWordUnpruned"][0] - whole) < 1e-12,
          f"unpruned unigram loss {held_out['lossPerWordUnpruned'][0]!r} = {whole!r}")
    check(held_out["words"] == 2 and held_out["unknownWords"] == 1 and held_out["unknownWordsUnpruned"] == 1,
          "held-out words 2, unknown 1")
except (ValueError, KeyError) as e:
    check(False, f"ngram-export --json answers JSON ({e}): {out!r} {err!r}")

# The written file continues a prompt as the text would: greedy bigrams from "en".
code, out, err = run("ngram-sample", "--model", model, "--prompt", "en", "--order", "2", "--count", "6", "--greedy")
check(code == 0 and out.strip() == "hund efter en hund efter en", f"greedy walk on the file: {out.strip()!r} (exit {code}) {err}")
# A 5-gram context whose followers were all pruned ends the text and says so.
code, out, err = run("ngram-sample", "--model", model, "--prompt", "kat løber en hund", "--order", "5", "--count", "3")
check(code == 0 and out.strip() == "" and "pruned" in err, f"a pruned context ends the text: {err.strip()!r}")

# Refused input: exit code 2 and one line on stderr naming the problem.
damaged = write("damaged.aing", b"AINGRAX\0" + b"\0" * 400)
for args, word in [
    (["ngram-export", "--input", note, "--held-out", held, "--output", model, "--min-count", "2,1,2,2,2"], "bad_min_counts"),
    (["ngram-export", "--input", note, "--held-out", held, "--output", model, "--min-count", "2,2"], "--min-count"),
    (["ngram-export", "--input", note, "--held-out", held], "--output"),
    (["ngram-export", "--input", note, "--held-out", held, "--output", model, "--set-bits", "33"], "--set-bits"),
    (["ngram-sample", "--model", model, "--input", note], "--model"),
    (["ngram-sample", "--model", damaged], "bad_magic at byte 0"),
    (["ngram-sample", "--model", os.path.join(WORK, "missing.aing")], "missing.aing"),
]:
    code, out, err = run(*args)
    check(code == 2 and word in err and len(err.strip().splitlines()) == 1,
          f"{' '.join(a if a.startswith('-') or len(a) < 20 else os.path.basename(a) for a in args)}: exit {code}, {err.strip()!r}")

# The shipped file: within the budget, the size data/README.md gives, and the README's samples.
data = open(SHIPPED, "rb").read()
zipped = len(gzip.compress(data, 9))
check(zipped <= BUDGET, f"data/ngram-da.aing is {zipped:,} bytes gzipped (budget {BUDGET:,})")
readme = open(os.path.join(PROJECT, "data", "README.md"), encoding="utf-8").read()
raw = f"{len(data):,}".replace(",", " ")
check(raw in readme, f"data/README.md gives the file's size, {raw} bytes")
lines = readme.splitlines()
samples = [(line, lines[i + 1]) for i, line in enumerate(lines[:-1]) if line.startswith("lm ngram-sample --model data/ngram-da.aing")]
check(len(samples) >= 3, f"data/README.md shows {len(samples)} sample texts")
for command, shown in samples:
    code, out, err = run(*shlex.split(command)[1:], "--json", cwd=PROJECT)
    try:
        answer = json.loads(out)
        expected = " ".join(answer["prompt"] + answer["words"])
        written = " ".join(shown.removeprefix("→ ").split("  (")[0].replace("[", "").replace("]", "").replace(" | ", " ").split())
        check(code == 0 and written == expected, f"README sample {command[len('lm ngram-sample --model data/ngram-da.aing '):]!r}")
    except (ValueError, KeyError) as e:
        check(False, f"{command}: {e} {err!r}")

checks.finish("ngram model")
