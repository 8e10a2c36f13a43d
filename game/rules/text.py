"""Small helpers for the dispatch log's prose."""

from __future__ import annotations

from game.rules.attrition import Losses


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


def names(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def losses_text(losses: Losses) -> str:
    """'2,619 men (748 killed, 1,871 wounded), 12 tanks and 3 guns': the men's split in brackets,
    parts that are zero left out."""
    split = [
        f"{n:,} {word}"
        for n, word in (
            (losses.killed, "killed"),
            (losses.wounded, "wounded"),
            (losses.captured, "captured"),
            (losses.dispersed, "dispersed"),
        )
        if n
    ]
    men = plural(losses.men, "man").replace("mans", "men")
    if len(split) > 1 or (split and losses.killed == 0 and losses.wounded == 0):
        men += f" ({', '.join(split)})"
    return strength(losses.men, losses.tanks, losses.guns).replace(
        plural(losses.men, "man").replace("mans", "men"), men, 1
    )
