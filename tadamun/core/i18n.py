"""Compile the gettext catalogues (locale/*/LC_MESSAGES/*.po) into .mo files.

Pure Python (polib), so neither `make run` nor CI needs GNU gettext installed.
Usage: python -m tadamun.core.i18n
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> int:
    compiled = 0
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        compiled += 1
    return compiled


if __name__ == "__main__":
    count = compile_catalogues()
    print(f"compiled {count} catalogue(s)", file=sys.stderr)
