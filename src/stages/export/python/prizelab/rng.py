"""The notebook's seeded generator (sfc32 seeded through splitmix32, src/lib/rng.ts), bit for bit, so that
splits, shuffles and initial factors are the same numbers as in the page for the same seed."""
import math

_M = 0xFFFFFFFF


def _splitmix32(seed):
    state = [seed & _M]

    def draw():
        state[0] = (state[0] + 0x9E3779B9) & _M
        z = state[0]
        z = ((z ^ (z >> 16)) * 0x85EBCA6B) & _M
        z = ((z ^ (z >> 13)) * 0xC2B2AE35) & _M
        return (z ^ (z >> 16)) & _M

    return draw


class Rng:
    """Uniform, integer and normal draws; `fork(label)` derives an independent stream, as in the page."""

    def __init__(self, seed):
        init = _splitmix32(seed)
        self.a, self.b, self.c, self.d = init(), init(), init(), init()
        self._spare = None
        for _ in range(12):
            self.next_uint32()

    def next_uint32(self):
        a, b, c, d = self.a, self.b, self.c, self.d
        t = (a + b + d) & _M
        self.d = (d + 1) & _M
        self.a = b ^ (b >> 9)
        self.b = (c + (c << 3)) & _M
        c = ((c << 21) | (c >> 11)) & _M
        self.c = (c + t) & _M
        return t

    def next(self):
        return self.next_uint32() / 4294967296

    def int(self, n):
        return math.floor((self.next_uint32() / 4294967296) * n)

    def normal(self):
        if self._spare is not None:
            value, self._spare = self._spare, None
            return value
        u = 0.0
        while u == 0.0:
            u = self.next()
        v = self.next()
        radius = math.sqrt(-2 * math.log(u))
        self._spare = radius * math.sin(2 * math.pi * v)
        return radius * math.cos(2 * math.pi * v)

    def fork(self, label):
        return Rng((self.next_uint32() ^ (((label + 1) * 0x9E3779B1) & _M)) & _M)


def shuffle_in_place(items, rng):
    """Fisher–Yates, drawing exactly as `shuffleInPlace` does."""
    for i in range(len(items) - 1, 0, -1):
        j = rng.int(i + 1)
        items[i], items[j] = items[j], items[i]
    return items
