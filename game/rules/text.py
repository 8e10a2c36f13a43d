"""Small helpers for the dispatch log's prose."""

from __future__ import annotations

from game.rules.attrition import Losses


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def men_text(n: int) -> str:
    """'1 man', '1,200 men'."""
    return f"{n:,} man" if n == 1 else f"{n:,} men"


def strength(men: int, tanks: int, guns: int) -> str:
    """'1,200 men, 4 tanks and 1 gun': zeros left out, men always named."""
    parts = [men_text(men)]
    if tanks:
        parts.append(plural(tanks, "tank"))
    if guns:
        parts.append(plural(guns, "gun"))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def is_plural_name(name: str) -> bool:
    """Whether a unit's name is a plural ('Border guard units (6th Army)'), so its verb is
    too: the last word before any bracket ends in s (corps and the like excepted)."""
    words = name.split(" (")[0].split()
    last = words[-1].lower() if words else ""
    return last.endswith("s") and not last.endswith(("ss", "corps", "us"))


def verb_for(name: str, singular: str, plural_form: str) -> str:
    """The verb form that agrees with a unit's name."""
    return plural_form if is_plural_name(name) else singular


def names(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def losses_text(losses: Losses) -> str:
    """'2,619 men (748 killed, 1,871 wounded), 12 tanks and 3 guns': the men's split in
    brackets when there is more than one kind, parts that are zero left out."""
    kinds = (
        (losses.killed, "killed"),
        (losses.wounded, "wounded"),
        (losses.captured, "captured"),
        (losses.dispersed, "dispersed"),
    )
    split = [f"{n:,} {word}" for n, word in kinds if n]
    text = strength(losses.men, losses.tanks, losses.guns)
    if len(split) > 1 or (split and not (losses.killed or losses.wounded)):
        men = men_text(losses.men)
        text = text.replace(men, f"{men} ({', '.join(split)})", 1)
    return text
