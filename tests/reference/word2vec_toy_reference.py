#!/usr/bin/env python3
"""Independent reference for the course's word2vec toy (AI-projektet, Sprogmodeller, Del 3:
"Word2Vec – et eksempel", and its GeoGebra applet Word2Vec.ggb): plain Python, standard library
only, written from the notes' formulas (not from the C++). From the twelve sentences and the
exercise's start vectors it counts the pairs and computes P(c | w), each term n(w, c)·(−ln P(c | w))
and L, and writes tests/cases/word2vec_toy_cases.json, which the native, node and browser tests read:
    python3 tests/reference/word2vec_toy_reference.py > tests/cases/word2vec_toy_cases.json
CTest (word2vec_toy_case_is_the_reference) fails when the file differs from what this prints.
"""
import json
import math
import sys

WORDS = ["hunden", "katten", "spinder", "sover", "gør"]
SENTENCES = [
    "Hunden sover.", "Katten sover.", "Katten spinder.", "Hunden gør.", "Hunden sover.", "Hunden gør.",
    "Katten sover.", "Hunden gør.", "Katten sover.", "Katten spinder.", "Katten sover.", "Katten spinder.",
]
WINDOW = 1
# The exercise's start vectors (x, y), each of length 1.
START_FOCUS = {"hunden": [-0.8, 0.6], "katten": [0, 1], "spinder": [0.6, 0.8], "sover": [0.8, 0.6], "gør": [1, 0]}
START_CONTEXT = {"hunden": [0.8, -0.6], "katten": [0.6, -0.8], "spinder": [-1, 0], "sover": [-0.8, -0.6], "gør": [-0.6, -0.8]}
# Not computed here: the smallest L over unit vectors, from an independent BFGS search.
BEST = 22.850984659901663


def tokens(sentence):
    """'Hunden sover.' -> ['hunden', 'sover']: lower case, the full stop dropped, as the course reads them."""
    return sentence.replace(".", "").lower().split(" ")


def pair_counts():
    """n[w][c]: how often c stands at most WINDOW words from w within a sentence."""
    n = {w: {c: 0 for c in WORDS} for w in WORDS}
    for sentence in SENTENCES:
        words = tokens(sentence)
        for i, w in enumerate(words):
            for j in range(max(0, i - WINDOW), min(len(words), i + WINDOW + 1)):
                if j != i:
                    n[w][words[j]] += 1
    return n


def probabilities():
    """P(c | w) = e^(v_w·k_c) / Σ_o e^(v_w·k_o) with the start vectors."""
    def dot(a, b):
        return a[0] * b[0] + a[1] * b[1]
    p = {}
    for w in WORDS:
        e = {o: math.exp(dot(START_FOCUS[w], START_CONTEXT[o])) for o in WORDS}
        total = math.fsum(e.values())
        p[w] = {o: e[o] / total for o in WORDS}
    return p


def main():
    n = pair_counts()
    p = probabilities()
    terms = {f"{w} {c}": n[w][c] * -math.log(p[w][c]) for w in WORDS for c in WORDS if n[w][c] > 0}
    loss = math.fsum(terms.values())
    if f"{loss:.2f}" != "31.71":  # the value the applet shows, to two decimals
        sys.exit(f"L = {loss}, not the course's 31,71")
    case = {
        "about": "The course's word2vec toy (AI-projektet, Sprogmodeller, Del 3: \"Word2Vec – et eksempel\", and its "
                 "GeoGebra applet Word2Vec.ggb): 12 sentences, 5 words, a window of one word on each side within a "
                 "sentence, the full softmax, every vector on the unit circle. Written by "
                 "tests/reference/word2vec_toy_reference.py (do not edit by hand).",
        "words": WORDS,
        "sentences": SENTENCES,
        "window": WINDOW,
        "pairCounts": [{"focus": w, "context": c, "n": n[w][c]} for w in WORDS for c in WORDS if n[w][c] > 0],
        "start": {
            "about": "The exercise's start vectors (x, y), all of length 1.",
            "focus": START_FOCUS,
            "context": START_CONTEXT,
        },
        "expected": {
            "L": loss,
            "L_source": "L = Σ n(w, c)·(−ln P(c | w)) computed by the reference script from the sentences and start "
                        "vectors; Word2Vec.ggb shows 31,71 for them",
            "terms": {"about": "n(w, c)·(−ln P(c | w)) for each observed pair", **terms},
            "probabilities": {
                "about": "P(c | w) at the start vectors, a row per focus word w, columns in the order of words",
                "rows": [[p[w][c] for c in WORDS] for w in WORDS],
            },
            "best": BEST,
            "best_source": "the smallest L over unit vectors (BFGS over the 10 angles with 300 random starts, an "
                           "independent computation, not redone by the script); the course's goal is \"tættest på "
                           "22,85 vinder\"",
        },
    }
    sys.stdout.write(json.dumps(case, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
