"""Which process owns a thing on disk (an index build): its id, its host and, where the system says, when it
started, so that a process id used again by another process (after a reboot, a container restart) is not taken
for the owner.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OverflowError, ValueError):
        return False
    return True


def start_of(pid: int) -> str:
    """When the process started, in the system's own terms (Linux: clock ticks since boot), or "" when the system
    does not say."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    fields = stat.rpartition(")")[2].split()      # after the command's name, which may hold spaces
    return fields[19] if len(fields) > 19 else ""


def this_process() -> str:
    """This process, as an owner file holds it: ``pid host start``."""
    return f"{os.getpid()} {socket.gethostname()} {start_of(os.getpid()) or '-'}"


def owner_alive(text: str) -> bool | None:
    """Whether the process an owner file names still runs: True, False, or None when it cannot be told (another
    host, or an unreadable file)."""
    parts = text.split()
    if len(parts) != 3 or not parts[0].isdigit() or os.name == "nt":   # Windows: os.kill(pid, 0) is no probe
        return None
    pid, host, start = int(parts[0]), parts[1], parts[2]
    if host != socket.gethostname():
        return None
    if not pid_alive(pid):
        return False
    now = start_of(pid)
    return not (start != "-" and now and now != start)
