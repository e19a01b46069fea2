"""Makes `dflashc_jax` (python/dflashc_jax) importable when pytest runs from the repository root or python/."""

import sys
from pathlib import Path

PYTHON_DIR = Path(__file__).resolve().parents[1]
if str(PYTHON_DIR) not in sys.path:
    sys.path.insert(0, str(PYTHON_DIR))
