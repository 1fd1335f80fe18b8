"""Make samples/ and their gold answers: the entry point of the samplegen package (main.py
says what it makes and how).

    python scripts/make_samples.py [slug ...] [--out DIR]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samplegen.main import main  # noqa: E402

if __name__ == "__main__":
    main()
