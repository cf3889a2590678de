"""The top-u users × top-m movies by number of ratings (src/stages/subset/compute/top-subset.ts): ties go to
the smaller id, and the kept users and movies are re-indexed so that index 0 has the most ratings."""
import numpy as np

from .data import Ratings, id_order


def _top(column, size, ids, keep):
    counts = np.bincount(column, minlength=size)
    order = np.lexsort((id_order(ids), -counts))
    return order[: max(0, min(keep, size))]


def select_top_subset(data, users, movies):
    if users >= data.users and movies >= data.movies:
        return data
    top_users = _top(data.user, data.users, data.user_ids, users)
    top_movies = _top(data.movie, data.movies, data.movie_ids, movies)
    new_user = np.full(data.users, -1, dtype=np.int64)
    new_user[top_users] = np.arange(len(top_users))
    new_movie = np.full(data.movies, -1, dtype=np.int64)
    new_movie[top_movies] = np.arange(len(top_movies))
    keep = (new_user[data.user] >= 0) & (new_movie[data.movie] >= 0)
    subset = Ratings(
        new_user[data.user[keep]],
        new_movie[data.movie[keep]],
        data.rating[keep],
        data.day[keep],
        [data.user_ids[i] for i in top_users],
        [data.movie_ids[i] for i in top_movies],
    )
    subset.values = data.values
    return subset
