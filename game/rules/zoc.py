"""Who stands where, and the zones of control they project: derived from a state and cached on it
(a state never changes after apply() returns it, so the cache stays true).

A command moves or changes a few units, so the occupancy of the state it makes is the previous
state's with those units taken out and put back (see Transaction), not a new count of every
unit: with a thousand units that rebuild, after every move, was most of an AI turn. Both ways
give the same occupancy (tests/rules/test_occupancy.py compares them)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from functools import cached_property

from game.hexes import Hex
from game.rules.board import Board
from game.rules.state import GameState, UnitState


class Occupancy:
    """Active units by hex and side, stacking points, and each side's zone of control.
    The hex-number sets (`*_i`) are built eagerly for the searches; Hex sets on first use."""

    def __init__(
        self,
        board: Board,
        units_at: dict[Hex, tuple[str, ...]],
        side_at: dict[Hex, str],
        stack: dict[Hex, int],
        hexes_i: dict[str, AbstractSet[int]],
        zoc_i: dict[str, AbstractSet[int]],
        stack_i: dict[int, int],
    ) -> None:
        self.board = board
        self.units_at = units_at
        self.side_at = side_at
        self.stack = stack
        self.hexes_i = hexes_i  # hex numbers holding units of this side
        self.zoc_i = zoc_i  # hex numbers in the zone of control OF this side
        self.stack_i = stack_i
        # where each active unit on the map stands, and how many zone-of-control units of each
        # side reach each hex number: what taking a unit out again needs
        self.where: dict[str, int] = {}
        self.order: dict[str, int] = {}  # each unit's place in state.units
        self.zoc_count: dict[str, dict[int, int]] = {}

    @cached_property
    def hexes(self) -> HexSets:
        return HexSets(self.board.hexes, self.hexes_i)

    @cached_property
    def zoc(self) -> HexSets:
        return HexSets(self.board.hexes, self.zoc_i)


class HexSets(Mapping[str, frozenset[Hex]]):
    """Each side's hex numbers as a set of Hexes, made the first time a side's is asked for:
    the AI asks for its enemy's after every command, its own side's seldom."""

    __slots__ = ("_hexes", "_numbers", "made")

    def __init__(self, hexes: list[Hex], numbers: dict[str, AbstractSet[int]]) -> None:
        self._hexes = hexes
        self._numbers = numbers
        self.made: dict[str, frozenset[Hex]] = {}

    def __getitem__(self, side: str) -> frozenset[Hex]:
        hit = self.made.get(side)
        if hit is None:
            hit = frozenset(map(self._hexes.__getitem__, self._numbers[side]))
            self.made[side] = hit
        return hit

    def __iter__(self) -> Iterator[str]:
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)


def occupancy(state: GameState) -> Occupancy:
    try:
        return state.cache["occ"]  # type: ignore[no-any-return]
    except KeyError:  # once a state: asked tens of thousands of times a game
        pass
    # The states back to one whose occupancy is known (or must be counted), each derived from
    # the one before it, oldest first.
    pending = [state]
    while True:
        since = pending[-1].cache.get("occ_from")
        base = since[0] if since is not None else None
        if not isinstance(base, GameState) or "occ" in base.cache:
            break
        pending.append(base)
    for s in reversed(pending):
        s.cache["occ"] = _derived(s)
    return state.cache["occ"]  # type: ignore[no-any-return]


def _derived(state: GameState) -> Occupancy:
    """A state's occupancy from the one it was made from, then forgotten (the reference kept
    an older state or occupancy alive), or counted afresh if there is none."""
    since = state.cache.pop("occ_from", None)
    if since is None:
        return full_occupancy(state)
    base, changed = since
    if isinstance(base, GameState):
        base = base.cache["occ"]
    if base.board is not state.board:
        return full_occupancy(state)
    return base if not changed else _updated(state, base, changed)


def full_occupancy(state: GameState) -> Occupancy:
    """The occupancy counted from every unit of the state."""
    b = state.board
    occ = Occupancy(b, {}, {}, {}, {s: set() for s in b.sides}, {}, {})
    occ.zoc_count = {s: {} for s in b.sides}
    occ.order = {uid: k for k, uid in enumerate(state.units)}
    for u in state.units.values():
        if u.status == "active" and u.pos is not None:
            _put(occ, u)
    occ.units_at = {h: tuple(v) for h, v in occ.units_at.items()}
    occ.zoc_i = {s: _zoc_set(b, s, occ.zoc_count[s]) for s in b.sides}
    return occ


def _put(occ: Occupancy, u: UnitState) -> None:
    """Count one unit in (its hex's list of units must still be a list)."""
    b = occ.board
    h = u.pos
    assert h is not None
    t = b.types[u.type]
    i = b.index[h]
    here = occ.units_at.get(h)
    if here is None:
        occ.units_at[h] = [u.id]  # type: ignore[assignment]
        occ.stack[h] = t.stack
    else:
        here.append(u.id)  # type: ignore[attr-defined]
        occ.stack[h] += t.stack
    occ.stack_i[i] = occ.stack[h]
    occ.side_at[h] = u.side
    occ.hexes_i[u.side].add(i)  # type: ignore[attr-defined]
    occ.where[u.id] = i
    _count_zoc(occ, u, i, 1)


def _zoc_set(b: Board, side: str, count: dict[int, int]) -> set[int]:
    """A side's zone of control; a zone closed to the side stops it at the edge."""
    return set(count).difference(b.zoc_stop_i.get(side, ()))


def _updated(state: GameState, base: Occupancy, changed: Collection[str]) -> Occupancy:
    """`base` with the units in `changed` taken out where they stood and put back where they
    stand now. Each hex's units keep the order of state.units, as full_occupancy lists them.
    A side's sets and counts are copied only if they change: those of the side not moving stay
    the very same objects from command to command."""
    b = state.board
    if any(uid not in base.order for uid in changed):
        return full_occupancy(state)
    # Only units that changed hex, or left or entered the map, change the occupancy: a unit
    # that fought or dug in where it stands is where it was (an attack writes half a dozen, a
    # new turn every unit of a side).
    units, index, where = state.units, b.index, base.where
    moved = []
    for uid in changed:
        u = units[uid]
        now = index[u.pos] if u.status == "active" and u.pos is not None else None
        if now != where.get(uid):
            moved.append(uid)
    if not moved:
        return base
    if len(moved) * 4 > len(base.order):
        return full_occupancy(state)  # many moved: count afresh
    changed = moved
    occ = Occupancy(
        b,
        dict(base.units_at),
        dict(base.side_at),
        dict(base.stack),
        dict(base.hexes_i),
        base.zoc_i,
        dict(base.stack_i),
    )
    occ.order = base.order
    occ.where = dict(base.where)
    types = b.types
    zoc_sides = {units[uid].side for uid in changed if types[units[uid].type].zoc}
    occ.zoc_count = {s: dict(c) if s in zoc_sides else c for s, c in base.zoc_count.items()}
    touched: set[int] = set()
    came: dict[int, list[str]] = {}
    for uid in changed:
        u = units[uid]
        i = occ.where.pop(uid, None)
        if i is not None:
            touched.add(i)
            _count_zoc(occ, u, i, -1)
        if u.status == "active" and u.pos is not None:
            i = b.index[u.pos]
            occ.where[uid] = i
            touched.add(i)
            came.setdefault(i, []).append(uid)
            _count_zoc(occ, u, i, 1)
    _recount_hexes(state, occ, changed, touched, came)
    reach = touched.union(*(b.nbr[i] for i in touched))
    occ.zoc_i = _zoc_sets(b, occ, reach, zoc_sides)
    _carry_hex_sets(base, occ, touched, reach)
    return occ


def _count_zoc(occ: Occupancy, u: UnitState, i: int, by: int) -> None:
    """Count a unit's zone of control in (by=1) or out (by=-1) around hex number i."""
    b = occ.board
    if not b.types[u.type].zoc:
        return
    count = occ.zoc_count[u.side]
    for z in (i, *b.nbr[i]):
        n = count.get(z, 0) + by
        if n:
            count[z] = n
        else:
            del count[z]


def _carry_hex_sets(base: Occupancy, occ: Occupancy, touched: set[int], reach: set[int]) -> None:
    """The Hex sets the base has made of sides whose hexes did not change are the new
    occupancy's too (the side not moving: the AI asks for its enemy's after every command)."""
    hexes = occ.board.hexes
    pairs = (
        ("hexes", base.hexes_i, occ.hexes_i, touched),
        ("zoc", base.zoc_i, occ.zoc_i, reach),
    )
    for name, before, numbers, near in pairs:
        old = base.__dict__.get(name)
        if old is None:
            continue
        new = HexSets(hexes, numbers)
        for s, made in old.made.items():
            if numbers[s] is before[s] or all((i in numbers[s]) == (i in before[s]) for i in near):
                new.made[s] = made
        occ.__dict__[name] = new


def _recount_hexes(
    state: GameState,
    occ: Occupancy,
    changed: Collection[str],
    touched: Iterable[int],
    came: dict[int, list[str]],
) -> None:
    """Units, side and stacking of each touched hex number: those that stayed there and the
    changed units standing there now (`came`). A side's set of hex numbers (shared with the
    base occupancy) is copied the first time it changes."""
    b = state.board
    units, types, order = state.units, b.types, occ.order
    hexes_i = occ.hexes_i
    copied: set[str] = set()
    for i in touched:
        h = b.hexes[i]
        stay = [x for x in occ.units_at.get(h, ()) if x not in changed]
        new = came.get(i)
        ids = tuple(sorted(stay + new, key=order.__getitem__)) if new else tuple(stay)
        if not ids:
            occ.units_at.pop(h, None)
            occ.side_at.pop(h, None)
            occ.stack.pop(h, None)
            occ.stack_i.pop(i, None)
        else:
            occ.units_at[h] = ids
            occ.stack[h] = occ.stack_i[i] = sum(types[units[x].type].stack for x in ids)
            occ.side_at[h] = units[ids[-1]].side
        here = {units[x].side for x in ids}
        for side, numbers in hexes_i.items():
            if (i in numbers) == (side in here):
                continue
            if side not in copied:
                numbers = hexes_i[side] = set(numbers)
                copied.add(side)
            if side in here:
                numbers.add(i)  # type: ignore[attr-defined]
            else:
                numbers.discard(i)  # type: ignore[attr-defined]


def _zoc_sets(
    b: Board, occ: Occupancy, reach: set[int], sides: AbstractSet[str]
) -> dict[str, AbstractSet[int]]:
    """Each side's zone of control: the base's, with the hex numbers whose count changed
    (`reach`, for the `sides` whose units with a zone of control moved) put in or taken out;
    a set that does not change is the base's own."""
    out: dict[str, AbstractSet[int]] = {}
    for side, count in occ.zoc_count.items():
        zoc = occ.zoc_i[side]
        if side in sides:
            stop = b.zoc_stop_i.get(side, frozenset())
            now = {z for z in reach if z in count and z not in stop}
            if any((z in zoc) != (z in now) for z in reach):
                zoc = set(zoc)
                zoc.difference_update(reach)
                zoc.update(now)
        out[side] = zoc
    return out


def in_enemy_zoc(state: GameState, side: str, h: Hex) -> bool:
    return h in occupancy(state).zoc[state.board.other(side)]
