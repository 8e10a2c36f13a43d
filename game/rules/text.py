"""Small helpers for the dispatch log's prose."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def strength(men: int, tanks: int, guns: int) -> str:
    """'1,200 men, 4 tanks and 1 gun': zeros left out, men always named."""
    parts = [plural(men, "man").replace("mans", "men")]
    if tanks:
        parts.append(plural(tanks, "tank"))
    if guns:
        parts.append(plural(guns, "gun"))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]
