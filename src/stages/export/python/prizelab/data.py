"""Rating files as the page reads them: the Netflix Prize format (`combined_data_*.txt`, `mv_*.txt`, `MovieID:`
then `CustomerID,Rating,Date`) and delimited files (MovieLens `ratings.csv`, or any CSV with user, item,
rating and time columns, mapped in config.json). Users and movies get dense indices in order of first
appearance, as in the page, because later stages (windows, split) visit users in index order."""
import csv
import datetime
import gzip
import io
import re
import sys

import numpy as np

_EPOCH = datetime.date(1970, 1, 1).toordinal()
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$")
_INT_ID = re.compile(r"^\d{1,15}$")


class Ratings:
    """Ratings column-wise (row i is one rating) and the ids that name the indices."""

    def __init__(self, user, movie, rating, day, user_ids, movie_ids):
        self.user = user
        self.movie = movie
        self.rating = rating
        self.day = day
        self.user_ids = user_ids
        self.movie_ids = movie_ids
        self.values = np.unique(rating)

    @property
    def users(self):
        return len(self.user_ids)

    @property
    def movies(self):
        return len(self.movie_ids)


def _open_text(path, encoding="utf-8"):
    with open(path, "rb") as handle:
        magic = handle.read(2)
    raw = gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")


def _day(text, time_format):
    text = text.strip()
    if time_format == "iso-date":
        match = _ISO.match(text)
        if not match:
            raise ValueError(f"“{text}” is not a date (expected YYYY-MM-DD)")
        year, month, day = (int(g) for g in match.groups())
        return datetime.date(year, month, day).toordinal() - _EPOCH
    seconds = float(text) if time_format == "unix-seconds" else float(text) / 1000
    return int(seconds // 86400)


class _Builder:
    def __init__(self):
        self.users, self.movies = {}, {}
        self.user, self.movie, self.rating, self.day = [], [], [], []
        self.skipped = 0

    def add(self, user_key, movie_key, rating, day):
        self.user.append(self.users.setdefault(user_key, len(self.users)))
        self.movie.append(self.movies.setdefault(movie_key, len(self.movies)))
        self.rating.append(rating)
        self.day.append(day)

    def skip(self, path, line_number, line, reason):
        self.skipped += 1
        print(f"skipped {path}:{line_number}: {line.strip()[:80]} ({reason})", file=sys.stderr)

    def finish(self):
        def ids(keys):
            keys = list(keys)
            return [int(k) for k in keys] if all(_INT_ID.match(k) for k in keys) else keys

        return Ratings(
            np.array(self.user, dtype=np.int64),
            np.array(self.movie, dtype=np.int64),
            np.array(self.rating, dtype=np.float32),
            np.array(self.day, dtype=np.int64),
            ids(self.users.keys()),
            ids(self.movies.keys()),
        )


def _read_netflix(path, builder):
    movie = None
    with _open_text(path, "latin-1") as lines:
        for number, line in enumerate(lines, start=1):
            text = line.strip()
            if not text:
                continue
            if text.endswith(":"):
                movie = text[:-1].strip()
                continue
            parts = text.split(",")
            if movie is None or len(parts) != 3:
                builder.skip(path, number, line, "not CustomerID,Rating,Date under a MovieID: line")
                continue
            try:
                builder.add(parts[0].strip(), movie, float(parts[1]), _day(parts[2], "iso-date"))
            except ValueError as error:
                builder.skip(path, number, line, str(error))


def _read_delimited(path, layout, builder):
    columns = (layout["userColumn"], layout["itemColumn"], layout["ratingColumn"], layout["timeColumn"])
    low, high = layout["ratingMin"], layout["ratingMax"]
    with _open_text(path) as handle:
        if layout["delimiter"] == "::":
            rows = (line.rstrip("\r\n").split("::") for line in handle)
        else:
            rows = csv.reader(handle, delimiter=layout["delimiter"])
        for number, row in enumerate(rows, start=1):
            if number == 1 and layout["hasHeader"]:
                continue
            if not row or all(not cell.strip() for cell in row):
                continue
            try:
                user, item, rating, time = (row[c].strip() for c in columns)
                value = float(rating)
                if not low <= value <= high:
                    raise ValueError(f"rating {rating} is out of range {low}–{high}")
                builder.add(user, item, value, _day(time, layout["timeFormat"]))
            except (IndexError, ValueError) as error:
                builder.skip(path, number, ",".join(row), str(error) or "too few columns")


def load_ratings(files):
    """`files`: config.json's `data.files`, each `{"path", "format": "netflix"|"delimited", "layout"?}`."""
    builder = _Builder()
    for spec in files:
        if spec["format"] == "netflix":
            _read_netflix(spec["path"], builder)
        else:
            _read_delimited(spec["path"], spec["layout"], builder)
    if not builder.rating:
        raise ValueError("the files hold no ratings")
    return builder.finish()


def id_order(ids):
    """Rank of each index when sorted by id (numbers as numbers, else as text): the page's tie-break."""
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.array(order, dtype=np.int64)] = np.arange(len(ids))
    return rank
