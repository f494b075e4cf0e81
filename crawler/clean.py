"""Text from the web made safe to store and to print: no control characters, no terminal escape sequences."""

from __future__ import annotations

import re

# ESC-based sequences (CSI, OSC, DCS and two-character escapes), their 8-bit C1 forms, then any other control
# character except tab and newline.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"              # CSI ... final byte
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c|$)"  # OSC/DCS/SOS/PM/APC ... terminator
    r"|\x1b[@-Z\\-_]?",                               # other two-character escapes, or a lone ESC
    re.DOTALL,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def strip_controls(text: str) -> str:
    """Remove escape sequences, control characters and bidirectional overrides; keep tabs and newlines."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str | None) -> str:
    """Safe text folded onto one line, for tables and summaries."""
    return " ".join(strip_controls(text or "").split())
