"""What the lm command-line checks share (lm_cli_check.py, ngram_model_check.py): the note's four
sentences, files written to a work folder, lm run with its output caught, and checks that are
printed one per line and counted, so that a run shows every failure rather than the first.
"""
import os
import subprocess
import sys

# The note "Simple sprogmodeller": its four sentences (a fact of the curriculum).
NOTE = "En hund løber efter en kat. Løber en hund efter en kat? En kat løber ikke efter en hund. Efter en kat løber en hund.\n"


class Checks:
    def __init__(self, lm, work):
        self.lm, self.work, self.failures = lm, work, []
        os.makedirs(work, exist_ok=True)

    def write(self, name, data):
        path = os.path.join(self.work, name)
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    def run(self, *args, cwd=None):
        result = subprocess.run([self.lm, *args], capture_output=True, text=True, timeout=120, cwd=cwd)
        return result.returncode, result.stdout, result.stderr

    def check(self, condition, what):
        print(("ok    " if condition else "FAIL  ") + what)
        if not condition:
            self.failures.append(what)

    def finish(self, name):
        if self.failures:
            print(f"{len(self.failures)} check(s) failed")
            sys.exit(1)
        print(f"all {name} checks passed")
