"""The lm tool end to end (CTest lm_cli): python3 lm_cli_check.py LM_BINARY WORK_DIR.

On the note's four sentences: the greedy walk from "en", a held-out unigram loss worked out by
hand, refused input (exit code 2 and a one-line message), and a small neural model's weight count.
"""
import json
import math
import os
import sys

from cli_checks import NOTE, Checks

LM, WORK = sys.argv[1], sys.argv[2]
checks = Checks(LM, WORK)
write, run, check = checks.write, checks.run, checks.check

note = write("note.txt", NOTE)
held = write("heldout.txt", "En ulv\n")

# Greedy from "en" with bigrams: after "en" hund 4 and kat 4 tie (the first-met word, hund, wins),
# after "hund" efter 2 (løber 1, and en 1 where the text starts over), after "efter" en 4.
code, out, err = run("ngram-sample", "--input", note, "--prompt", "en", "--order", "2", "--count", "6", "--greedy")
check(code == 0 and out.strip() == "hund efter en hund efter en", f"greedy walk: {out.strip()!r} (exit {code}) {err}")

# Add-one unigrams over N = 25 words and V = 6: P(en) = (8 + 1)/(25 + 6 + 1) = 9/32, the unknown
# "ulv" 1/32; loss per word (ln(32/9) + ln 32)/2.
code, out, err = run("ngram-eval", "--input", note, "--held-out", held, "--orders", "1-1", "--json")
expected = (math.log(32 / 9) + math.log(32)) / 2
try:
    answer = json.loads(out)
    order = answer["orders"][0]
    check(code == 0 and order["n"] == 1 and abs(order["lossPerWord"] - expected) < 1e-9,
          f"held-out unigram loss {order['lossPerWord']!r} = {expected!r}")
    check(order["words"] == 2 and order["unknownWords"] == 1 and answer["trainWords"] == 25 and answer["vocabulary"] == 6,
          "held-out words 2, unknown 1, N = 25, V = 6")
    check(abs(order["perplexity"] - math.exp(expected)) < 1e-9, "perplexity = e^loss")
except (ValueError, KeyError, IndexError) as e:
    check(False, f"ngram-eval --json answers JSON ({e}): {out!r} {err!r}")

# Refused input: exit code 2 and one line on stderr naming the problem.
for args, word in [
    (["ngram-eval", "--input", note, "--held-out", held, "--orders", "0-6"], "--orders"),
    (["ngram-sample", "--input", note, "--order", "6"], "--order"),
    (["ngram-eval", "--input", os.path.join(WORK, "missing.txt"), "--held-out", held], "missing.txt"),
    (["ngram-sample", "--input", note, "--temperature", "0"], "--temperature"),
    (["ngram-sample", "--input", note, "--seed", "1.5"], "--seed"),
    (["ngram-sample", "--input", write("empty.txt", "... !\n")], "no words"),
    (["neural-train", "--input", note, "--context", "9"], "--context"),
]:
    code, out, err = run(*args)
    check(code == 2 and word in err and len(err.strip().splitlines()) == 1,
          f"{' '.join(a if a.startswith('-') or len(a) < 20 else os.path.basename(a) for a in args)}: exit {code}, {err.strip()!r}")

# The neural model on the note's sentences, one a line, ten times: 36 lines train, 4 are held out.
# V = 6, c = 2, m = 3, d = 4: d·(1 + c·m + V) + V = 4·(1 + 6 + 6) + 6 = 58 weights;
# --max-vocab 3: the 3 most frequent words + "<ukendt>", V = 4: 4·(1 + 6 + 4) + 4 = 48.
lines = [s.strip() for s in NOTE.replace("?", ".").split(".") if s.strip()]
repeated = write("repeated.txt", "\n".join(lines * 10) + "\n")
common = ["neural-train", "--input", repeated, "--context", "2", "--hidden", "4", "--dim", "3", "--epochs", "1"]
code, out, err = run(*common)
check(code == 0 and "= 58" in out and "4·(1 + 2·3 + 6) + 6" in out, f"neural-train prints 58 weights (exit {code}) {err}")
check("random" in out, "neural-train says the word vectors are random")
code, out, err = run(*common, "--max-vocab", "3", "--json")
try:
    answer = json.loads(out)
    check(code == 0 and answer["weights"] == 48 and answer["vocabulary"] == 4 and answer["unknownWord"],
          f"--max-vocab 3: V = 4 with <ukendt>, 48 weights ({answer['weights']})")
    epochs = answer["epochs"]
    check(len(epochs) == 2 and all(math.isfinite(e["heldOutLossPerWord"]) for e in epochs),
          "held-out loss before and after the epoch")
    check(abs(epochs[0]["heldOutLossPerWord"] - math.log(4)) < 0.5, "the untrained model is near ln V")
except (ValueError, KeyError) as e:
    check(False, f"neural-train --json answers JSON ({e}): {out!r} {err!r}")

checks.finish("lm")
