"""Each command's random generator is seeded when first drawn from; what it draws must not
depend on that: the same numbers whatever is drawn first, as from a generator seeded at once."""

from __future__ import annotations

import itertools
import random

import pytest

from game.rules.engine import command_rng

DRAWS = ("random", "gauss", "randrange", "sample", "getrandbits")


def _draw(r: random.Random, what: str) -> object:
    if what == "random":
        return r.random()
    if what == "gauss":
        return r.gauss(0.0, 1.0)
    if what == "randrange":
        return r.randrange(6)
    if what == "sample":
        return r.sample(range(40), 4)
    return r.getrandbits(48)


@pytest.mark.parametrize("seed,index", [(0, -1), (1, 0), (7, 123), (2**40, 5)])
def test_a_generator_seeded_on_use_draws_as_one_seeded_at_once(seed, index):
    for order in itertools.product(DRAWS, repeat=3):
        lazy = command_rng(seed, index)
        eager = random.Random()
        eager.setstate(command_rng(seed, index).getstate())
        assert [_draw(lazy, w) for w in order] == [_draw(eager, w) for w in order]


def test_different_commands_draw_different_numbers():
    assert command_rng(3, 1).random() != command_rng(3, 2).random()
