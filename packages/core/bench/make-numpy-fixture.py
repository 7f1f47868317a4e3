#!/usr/bin/env python3
"""Writes src/linalg/fixtures/numpy-reference.json: an independent reference (NumPy/LAPACK) for the
linear-algebra tests. Run from packages/core: python3 bench/make-numpy-fixture.py"""
import json
import numpy as np

n = 12
i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
# Symmetric positive definite, built from a formula so the test rebuilds it exactly: Hilbert + diag(1..n).
a = 1.0 / (i + j + 1) + np.diag(np.arange(1, n + 1, dtype=float))
# Symmetric indefinite: cos(i·j/5) − 0.5 (eigenvalues of both signs).
b = np.cos(i * j / 5.0) - 0.5
out = {
    "generator": "bench/make-numpy-fixture.py",
    "numpy": np.__version__,
    "n": n,
    "spd": {
        "formula": "1/(i+j+1) + (i+1)*[i==j]",
        "cholesky": np.linalg.cholesky(a).ravel().tolist(),
        "eigenvalues": np.linalg.eigvalsh(a).tolist(),
        "logdet": float(np.linalg.slogdet(a)[1]),
    },
    "indefinite": {
        "formula": "cos(i*j/5) - 0.5",
        "eigenvalues": np.linalg.eigvalsh(b).tolist(),
    },
}
with open("src/linalg/fixtures/numpy-reference.json", "w") as f:
    json.dump(out, f, indent=1)
