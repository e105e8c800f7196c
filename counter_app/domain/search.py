"""Ranked procedure search by name (with or without diacritics), word prefixes, initials, code.

Ranking, best first (each hit is counted once, in its best tier):

1. the code equals the query (dots optional: "1004227" finds "1.004227");
2. the code starts with the query;
3. the folded name equals the query;
4. the folded name starts with the query;
5. the query's words are whole words of the name, as one phrase;
6. every query word starts some word of the name, in any order ("lai xe giay");
7. the query (one word of letters or digits) is a run of the name's initials ("gplx").

Within a tier, names that also match the diacritics the user typed come first, then shorter
names, then codes. Code tiers are ordered by code, which is what someone typing a code expects.

Every tier is a set operation over an inverted index, and tiers are filled best first until
`limit` hits are found, so a query costs little even when thousands of names match it.
"""

from __future__ import annotations

import heapq
import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass
from typing import NamedTuple

from counter_app.domain.text import fold, lower_words, nfc

_SCORE_CODE = 7.0
_SCORE_CODE_PREFIX = 6.0
_SCORE_NAME = 5.0
_SCORE_NAME_PREFIX = 4.0
_SCORE_PHRASE = 3.0
_SCORE_WORD_PREFIXES = 2.0
_SCORE_INITIALS = 1.0
_BONUS_DIACRITICS = 0.5

_INITIALS_MAX = 12  # longer one-word queries are not plausible initials
_PREFIX_CACHE_MAX = 4096
_WARM_PREFIX = 2  # prefixes this short begin every typing session: build their sets upfront
_MAX_CHAR = "\U0010ffff"  # sorts after every character: bounds a prefix range in sorted text


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """What the index knows of one procedure; `group` is its department code, for filtering."""

    key: str
    code: str
    name: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: the document's key and its score, higher is better.

    The score is the tier (see the module doc): 7 code, 6 code prefix, 5 name, 4 name prefix,
    3 phrase, 2 word prefixes, 1 initials; +0.5 when the diacritics typed match too; 0 for
    the listing of an empty query.
    """

    key: str
    score: float


def _compact_code(s: str) -> str:
    """Return a code's letters and digits only, lowercased: "1.004227" → "1004227"."""
    return "".join(c for c in fold(s) if c.isalnum())


class _WordIndex:
    """Words → posting sets of doc ids, with prefix expansion over the sorted vocabulary.

    `texts[id]` is the doc's words as " w1 w2 … ": once a few postings have narrowed the
    candidates, the other words are checked by substring search instead of building their
    (possibly huge) posting sets. Postings stay lists until a query needs one as a set.
    """

    def __init__(self, postings: dict[str, list[int]], texts: list[str], warm: int = 0) -> None:
        self._lists = postings
        self._vocab = sorted(postings)
        self._sizes = [0]  # _sizes[j]: postings entries of the first j vocabulary words
        for w in self._vocab:
            self._sizes.append(self._sizes[-1] + len(postings[w]))
        self.texts = texts
        self._sets: dict[str, frozenset[int]] = {}
        self._cache: dict[str, frozenset[int]] = {}
        self._lock = threading.Lock()
        # Sets of the shortest prefixes are the largest (up to every doc): build those up to
        # `warm` characters now and keep them for good, so that no keystroke pays for one.
        self._warm: dict[str, frozenset[int]] = {}
        for p in sorted({w[:n] for w in self._vocab for n in range(1, warm + 1)}):
            self._warm[p] = self.prefixed(p)
        self._cache.clear()

    def _range(self, prefix: str) -> tuple[int, int]:
        lo = bisect_left(self._vocab, prefix)
        return lo, bisect_left(self._vocab, prefix + _MAX_CHAR, lo)

    def _estimate(self, token: str, prefix: bool) -> int:
        """Return an upper bound of the docs matching `token`, without building a set."""
        if not prefix:
            return len(self._lists.get(token, ()))
        found = self._warm.get(token) or self._cache.get(token)
        if found is not None:
            return len(found)
        lo, hi = self._range(token)
        return self._sizes[hi] - self._sizes[lo]

    def _cached(self, token: str, prefix: bool) -> bool:
        if prefix:
            return token in self._warm or token in self._cache
        return token in self._sets

    def exact(self, word: str) -> frozenset[int]:
        found = self._sets.get(word)
        if found is None:
            found = self._sets[word] = frozenset(self._lists.get(word, ()))
        return found

    def prefixed(self, prefix: str) -> frozenset[int]:
        """Return the ids of docs having a word that starts with `prefix`."""
        found = self._warm.get(prefix) or self._cache.get(prefix)
        if found is not None:
            return found
        lo, hi = self._range(prefix)
        if hi - lo <= 1:
            return self.exact(self._vocab[lo]) if hi > lo else frozenset()
        found = frozenset().union(*(self._lists[w] for w in self._vocab[lo:hi]))
        with self._lock:  # queries may come from several threads
            if len(self._cache) >= _PREFIX_CACHE_MAX:
                del self._cache[next(iter(self._cache))]  # oldest first; typing repeats prefixes
            self._cache[prefix] = found
        return found

    def matching(self, tokens: Iterable[str], prefix: bool) -> frozenset[int]:
        """Return the ids of docs having every token as a word (`prefix`: as a word's start).

        Rarest token first; a further token's set is used if cached or not much larger than
        the candidates left; else the candidates are checked by substring search.
        """
        todo = sorted(set(tokens), key=lambda t: self._estimate(t, prefix))
        if not todo:
            return frozenset()
        found = self.prefixed(todo[0]) if prefix else self.exact(todo[0])
        for j, token in enumerate(todo[1:], start=1):
            if not found:
                break
            if self._cached(token, prefix) or len(found) * 4 >= self._estimate(token, prefix):
                found = found & (self.prefixed(token) if prefix else self.exact(token))
                continue
            needles = [f" {t}" if prefix else f" {t} " for t in todo[j:]]
            texts = self.texts
            return frozenset(i for i in found if all(n in texts[i] for n in needles))
        return found


class _Row(NamedTuple):
    fname: str  # folded name
    code: str
    key: str
    group: str
    words: list[str]  # folded words
    marked: list[str]  # lowercase words that carry diacritics


def _rows(docs: Iterable[SearchDoc]) -> list[_Row]:
    """Fold every name; raises ValueError on a duplicate key.

    `fold` and `lower_words` work word by word, and a catalog's names share most of their
    words, so each distinct word is folded once (five times faster on 20,000 names).
    """
    cache: dict[str, tuple[list[str], list[str]]] = {}
    keys: set[str] = set()
    rows = []
    for doc in docs:
        if doc.key in keys:
            raise ValueError(f"duplicate search key {doc.key!r}")
        keys.add(doc.key)
        words: list[str] = []
        marked: list[str] = []
        for raw in nfc(doc.name).split():
            parts = cache.get(raw)
            if parts is None:
                marks = [w for w in lower_words(raw) if not w.isascii()]
                parts = cache[raw] = (fold(raw).split(), marks)
            words += parts[0]
            marked += parts[1]
        rows.append(_Row(" ".join(words), nfc(doc.code), doc.key, doc.group, words, marked))
    return rows


class _Collector:
    """Hits gathered tier by tier, best first, until `limit` are found."""

    def __init__(self, limit: int, allowed: Set[int] | None, bonus: Set[int] | None) -> None:
        self.hits: list[tuple[int, float]] = []
        self.seen: set[int] = set()
        self.remaining = limit
        self.allowed = allowed
        self.bonus = bonus

    def add(self, doc: int, score: float) -> None:
        """Add one doc (callers give them in rank order) unless seen or filtered out."""
        if doc in self.seen or (self.allowed is not None and doc not in self.allowed):
            return
        self.seen.add(doc)
        self.hits.append((doc, score))
        self.remaining -= 1

    def add_set(self, docs: Set[int], score: float) -> None:
        """Add the best of an unordered tier: diacritic matches first, then by id (rank)."""
        if self.remaining <= 0 or not docs:
            return
        fresh = set(docs) - self.seen if self.seen else set(docs)
        if self.allowed is not None:
            fresh &= self.allowed
        if self.bonus:
            good = fresh & self.bonus
            self._add_smallest(good, score + _BONUS_DIACRITICS)
            fresh -= good
        self._add_smallest(fresh, score)

    def _add_smallest(self, docs: set[int], score: float) -> None:
        n = self.remaining
        if n <= 0 or not docs:
            return
        best = sorted(docs)[:n] if len(docs) <= 8 * n else heapq.nsmallest(n, docs)
        self.seen.update(best)
        self.hits.extend((d, score) for d in best)
        self.remaining -= len(best)


class ProcedureIndex:
    """A search index over procedures: build once (off the GUI thread if large), then query
    from any thread; only internal caches change after the build."""

    def __init__(self, docs: Iterable[SearchDoc]) -> None:
        """Index `docs`. Raises ValueError if two docs share a key (a bug of the caller)."""
        rows = _rows(docs)
        # A doc's id is its rank among equals: shorter names first, then by code, then key.
        rows.sort(key=lambda r: (len(r.fname), r.code, r.key))
        self._keys = [r.key for r in rows]
        self._fnames = [r.fname for r in rows]
        self._inits = ["".join(w[0] for w in r.words) for r in rows]

        by_code = sorted(range(len(rows)), key=lambda i: (rows[i].code, rows[i].key))
        self._code_order = by_code
        self._group_order: dict[str, list[int]] = defaultdict(list)
        for i in by_code:
            self._group_order[rows[i].group].append(i)
        self._group_sets = {g: frozenset(ids) for g, ids in self._group_order.items()}

        compact = sorted((_compact_code(rows[i].code), i) for i in by_code)
        self._codes = [c for c, _ in compact]
        self._code_ids = [i for _, i in compact]
        self._name_ids = sorted(range(len(rows)), key=self._fnames.__getitem__)
        self._names = [self._fnames[i] for i in self._name_ids]

        words: dict[str, list[int]] = defaultdict(list)
        marked: dict[str, list[int]] = defaultdict(list)
        bigrams: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            for w in set(r.words):
                words[w].append(i)
            for w in set(r.marked):
                marked[w].append(i)
            ini = self._inits[i]
            for b in set(map(str.__add__, ini, ini[1:])):
                bigrams[b].append(i)
        self._words = _WordIndex(words, [f" {f} " for f in self._fnames], _WARM_PREFIX)
        # Only words with diacritics earn the bonus for matching the diacritics typed; their
        # sets are needed less often, so none is built ahead (it would double the memory).
        self._marked = _WordIndex(marked, [f" {' '.join(r.marked)} " for r in rows])
        self._bigrams = bigrams

    def __len__(self) -> int:
        return len(self._keys)

    def search(self, query: str, limit: int = 20, group: str | None = None) -> list[SearchHit]:
        """Return up to `limit` hits for `query`, best first (see the module doc for the order).

        An empty query lists the first docs in code order. `group` keeps only the docs of that
        department code (an unknown group gives no hits).
        """
        if limit <= 0:
            return []
        allowed = None if group is None else self._group_sets.get(group, frozenset())
        fq = fold(query)
        if not fq:
            order = self._code_order if group is None else self._group_order.get(group, [])
            return [SearchHit(self._keys[i], 0.0) for i in order[:limit]]

        c = _Collector(limit, allowed, self._bonus_set(query))
        raw = nfc(query)
        if " " not in raw and any(ch.isdigit() for ch in raw):  # looks like a code: "DL.0001"
            self._search_code(_compact_code(raw), c)
        if c.remaining > 0:
            self._search_name(fq, c)
        return [SearchHit(self._keys[i], score) for i, score in c.hits]

    def _bonus_set(self, query: str) -> frozenset[int] | None:
        """Docs whose words match every word of `query` that carries diacritics, as typed."""
        marked = [w for w in lower_words(query) if not w.isascii()]
        return self._marked.matching(marked, prefix=True) if marked else None

    def _search_code(self, compact: str, c: _Collector) -> None:
        codes, ids = self._codes, self._code_ids
        for j in range(bisect_left(codes, compact), len(codes)):
            code = codes[j]
            if not code.startswith(compact):
                break
            c.add(ids[j], _SCORE_CODE if code == compact else _SCORE_CODE_PREFIX)
            if c.remaining <= 0:
                return

    def _search_name(self, fq: str, c: _Collector) -> None:
        names = self._names
        lo = bisect_left(names, fq)
        hi = lo
        while hi < len(names) and names[hi] == fq:
            hi += 1
        c.add_set(frozenset(self._name_ids[lo:hi]), _SCORE_NAME)
        if c.remaining <= 0:
            return
        end = bisect_left(names, fq + _MAX_CHAR, hi)  # every name that starts with fq
        c.add_set(frozenset(self._name_ids[hi:end]), _SCORE_NAME_PREFIX)
        if c.remaining <= 0:
            return

        tokens = fq.split()
        phrase = self._words.matching(tokens, prefix=False)
        if len(tokens) > 1 and phrase:
            padded, texts = f" {fq} ", self._words.texts
            phrase = frozenset(i for i in phrase if padded in texts[i])
        c.add_set(phrase, _SCORE_PHRASE)
        if c.remaining <= 0:
            return
        c.add_set(self._words.matching(tokens, prefix=True), _SCORE_WORD_PREFIXES)
        if c.remaining <= 0:
            return
        if len(tokens) == 1 and 2 <= len(fq) <= _INITIALS_MAX and fq.isalnum():
            c.add_set(self._initials(fq), _SCORE_INITIALS)

    def _initials(self, fq: str) -> frozenset[int]:
        """Docs whose initials contain `fq` as a contiguous run (`fq` has 2 letters or more)."""
        rarest = min((fq[j : j + 2] for j in range(len(fq) - 1)), key=self._bigram_count)
        found = self._bigrams.get(rarest, [])
        if len(fq) == 2:
            return frozenset(found)
        inits = self._inits
        return frozenset(i for i in found if fq in inits[i])

    def _bigram_count(self, bigram: str) -> int:
        return len(self._bigrams.get(bigram, ()))
