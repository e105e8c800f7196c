"""Ranked procedure search: what finds a procedure, in which order, and a brute-force oracle."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.search import ProcedureIndex, SearchDoc, SearchHit
from counter_app.domain.text import fold, initials, lower_words, nfc

CATALOG = [
    SearchDoc("gplx", "1.004227", "Cấp giấy phép lái xe", "SGTVT"),
    SearchDoc("gplx-lai", "1.004228", "Cấp lại giấy phép lái xe", "SGTVT"),
    SearchDoc(
        "gplx-doi", "1.002809", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "SGTVT"
    ),
    SearchDoc("dkx", "1.001234", "Cấp giấy chứng nhận đăng ký xe máy chuyên dùng", "SGTVT"),
    SearchDoc("lai-xe", "1.004300", "Lái xe", "SGTVT"),
    SearchDoc("kh", "1.000894", "Đăng ký kết hôn", "STP"),
    SearchDoc("kh-nn", "1.000893", "Đăng ký kết hôn có yếu tố nước ngoài", "STP"),
    SearchDoc("ks", "1.001193", "Đăng ký khai sinh", "STP"),
    SearchDoc("lltp", "2.000488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "STP"),
    SearchDoc("lai-lich", "2.000505", "Lai lịch tư pháp", "STP"),
    SearchDoc("dkdn", "2.001610", "Đăng ký thành lập doanh nghiệp tư nhân", "SKHDT"),
    SearchDoc("dkdn-tnhh", "2.001199", "Đăng ký thành lập công ty TNHH một thành viên", "SKHDT"),
    SearchDoc(
        "gpxd", "1.009994", "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt", "SXD"
    ),
    SearchDoc("gpxd-sc", "1.009995", "Cấp giấy phép sửa chữa, cải tạo công trình", "SXD"),
    SearchDoc("dat", "1.004199", "Đăng ký đất đai, tài sản gắn liền với đất lần đầu", "STNMT"),
    SearchDoc("vay", "1.003500", "Vay vốn ưu đãi lãi suất thấp", "NHCS"),
    SearchDoc("lai-suat", "1.003501", "Hỗ trợ lãi suất", "NHCS"),
    SearchDoc("dien", "DL.0001", "Cấp điện mới từ lưới điện hạ áp", "PCLS"),
    SearchDoc("cc-hd", "CC.0001", "Công chứng hợp đồng mua bán nhà ở", "PCC1"),
]


@pytest.fixture(scope="module")
def index() -> ProcedureIndex:
    return ProcedureIndex(CATALOG)


def keys(hits: list[SearchHit]) -> list[str]:
    return [h.key for h in hits]


@pytest.mark.parametrize(
    "query",
    [
        "cap giay phep lai xe",
        "cấp giấy phép lái xe",
        "CẤP GIẤY PHÉP LÁI XE",
        unicodedata.normalize("NFD", "cấp giấy phép lái xe"),
        "  cap   giay  phep lai xe ",
        "cap giay phep la",
        "cap giay phep l",
        "1.004227",
        "1004227",
    ],
)
def test_finds_procedure_first(index: ProcedureIndex, query: str) -> None:
    assert keys(index.search(query))[0] == "gplx"


@pytest.mark.parametrize(
    "query",
    ["giay phep lai", "lai xe giay", "xe lai", "gi ph la", "gplx", "cgplx", "1.0042", "phép lái"],
)
def test_finds_procedure(index: ProcedureIndex, query: str) -> None:
    assert "gplx" in keys(index.search(query))


def test_exact_code_then_code_prefix_in_code_order(index: ProcedureIndex) -> None:
    hits = index.search("1.00422")
    assert keys(hits) == ["gplx", "gplx-lai"]
    assert {h.score for h in hits} == {6.0}
    hits = index.search("1.004227")
    assert keys(hits) == ["gplx"]
    assert hits[0].score > index.search("1.00422")[0].score


def test_code_with_letters(index: ProcedureIndex) -> None:
    assert keys(index.search("dl.0001")) == ["dien"]
    assert keys(index.search("CC0001")) == ["cc-hd"]


def test_name_equal_beats_prefix_beats_phrase_beats_words(index: ProcedureIndex) -> None:
    hits = index.search("lai xe")
    # "Lái xe" equals; "Lai lịch…" starts with "lai"; then whole-word phrase; then word prefixes.
    assert keys(hits)[0] == "lai-xe"
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert keys(hits)[1:4] == ["gplx", "gplx-lai", "gplx-doi"]  # phrase "lai xe", shorter first


def test_name_prefix_ranks_by_length(index: ProcedureIndex) -> None:
    assert keys(index.search("dang ky ket"))[:2] == ["kh", "kh-nn"]
    assert keys(index.search("đăng ký"))[:3] == ["kh", "ks", "kh-nn"]


def test_phrase_before_scattered_words() -> None:
    index = ProcedureIndex(
        [
            SearchDoc("scattered", "1", "Giấy tờ về phép"),
            SearchDoc("phrase", "2", "Cấp giấy phép xây dựng công trình"),
            SearchDoc("prefix", "3", "Giấy phép khai thác khoáng sản"),
        ]
    )
    hits = index.search("giay phep")
    assert keys(hits) == ["prefix", "phrase", "scattered"]
    assert [h.score for h in hits] == [4.0, 3.0, 2.0]


def test_words_in_any_order(index: ProcedureIndex) -> None:
    assert keys(index.search("ket hon nuoc ngoai")) == ["kh-nn"]
    assert keys(index.search("nuoc ngoai ket hon")) == ["kh-nn"]


def test_initials_rank_last(index: ProcedureIndex) -> None:
    hits = index.search("gplx")
    assert keys(hits) == ["gplx", "gplx-lai", "gplx-doi"]
    assert {h.score for h in hits} == {1.0}
    assert keys(index.search("dkkh")) == ["kh", "kh-nn"]


def test_diacritics_break_ties(index: ProcedureIndex) -> None:
    plain = keys(index.search("lai"))
    assert plain[:2] == ["lai-xe", "lai-lich"]
    accented = index.search("lái")
    assert keys(accented)[0] == "lai-xe"
    assert accented[0].score > accented[1].score
    lai_suat = keys(index.search("lãi suất"))
    assert lai_suat[0] == "lai-suat"
    # "lãi" makes the "lãi suất" procedures come first within the word tier, not across tiers.
    assert keys(index.search("lãi"))[0] == "lai-xe"
    words_tier = [h for h in index.search("lãi") if h.score < 4]
    assert {h.key for h in words_tier[:2]} == {"vay", "lai-suat"}


def test_empty_query_lists_code_order(index: ProcedureIndex) -> None:
    by_code = [d.key for d in sorted(CATALOG, key=lambda d: d.code)]
    assert keys(index.search("")) == by_code[:20]
    assert keys(index.search("   ", limit=3)) == by_code[:3]
    assert keys(index.search(" ... ", limit=2)) == by_code[:2]


def test_group_filter(index: ProcedureIndex) -> None:
    assert keys(index.search("", group="STP")) == ["kh-nn", "kh", "ks", "lltp", "lai-lich"]
    assert keys(index.search("dang ky", group="STP")) == ["kh", "ks", "kh-nn"]
    assert keys(index.search("1.0042", group="STP")) == []
    assert index.search("dang ky", group="NOPE") == []


def test_limit(index: ProcedureIndex) -> None:
    assert len(index.search("cap", limit=2)) == 2
    assert index.search("cap", limit=0) == []
    assert len(index.search("", limit=1000)) == len(CATALOG)


def test_no_match(index: ProcedureIndex) -> None:
    assert index.search("xyzzy") == []
    assert index.search("9.999") == []


def test_duplicate_key_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        ProcedureIndex([SearchDoc("a", "1", "x"), SearchDoc("a", "2", "y")])


def test_empty_index() -> None:
    index = ProcedureIndex([])
    assert len(index) == 0
    assert index.search("cap") == []
    assert index.search("") == []


def test_nfd_names_are_indexed_as_nfc() -> None:
    index = ProcedureIndex([SearchDoc("a", "1", unicodedata.normalize("NFD", "Lãi suất"))])
    assert index.search("lãi")[0].score == 4.5


# A brute-force oracle of the documented ranking, checked against the index on random catalogs.

SYLLABLES = ["cấp", "cáp", "giấy", "phép", "lái", "lãi", "lai", "xe", "đăng", "ký", "kết", "hôn"]
SYLLABLES += ["xây", "dựng", "đất", "đai", "công", "chứng", "hợp", "đồng", "lại", "lý", "lịch"]


def oracle(docs: list[SearchDoc], query: str, limit: int, group: str | None) -> list[SearchHit]:
    docs = [d for d in docs if group is None or d.group == group]
    fq = fold(query)
    if not fq:
        return [SearchHit(d.key, 0.0) for d in sorted(docs, key=lambda d: (d.code, d.key))][:limit]
    raw = nfc(query)
    compact = "".join(c for c in fold(raw) if c.isalnum())
    by_code = " " not in raw and any(c.isdigit() for c in raw)
    tokens = fq.split()
    marked = [w for w in lower_words(query) if not w.isascii()]
    ranked = []
    for d in docs:
        fname, code = fold(d.name), "".join(c for c in fold(d.code) if c.isalnum())
        words, lwords = fname.split(), lower_words(d.name)
        if by_code and code == compact:
            score = 7.0
        elif by_code and code.startswith(compact):
            score = 6.0
        elif fname == fq:
            score = 5.0
        elif fname.startswith(fq):
            score = 4.0
        elif all(t in words for t in tokens) and f" {fq} " in f" {fname} ":
            score = 3.0
        elif all(any(w.startswith(t) for w in words) for t in tokens):
            score = 2.0
        elif len(tokens) == 1 and 2 <= len(fq) <= 12 and fq.isalnum() and fq in initials(fname):
            score = 1.0
        else:
            continue
        if score <= 5 and marked and all(any(w.startswith(m) for w in lwords) for m in marked):
            score += 0.5
        order = code if score >= 6 else ""
        ranked.append(((-score, order, len(fname), nfc(d.code), d.key), SearchHit(d.key, score)))
    ranked.sort(key=lambda r: r[0])
    return [hit for _, hit in ranked[:limit]]


name_st = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=5).map(" ".join)
code_st = st.sampled_from(["1.00", "1.01", "2.00"]).flatmap(
    lambda p: st.integers(0, 99).map(lambda n: f"{p}{n:02d}")
)
doc_st = st.tuples(code_st, name_st, st.sampled_from(["A", "B"]))


@st.composite
def catalog_and_query(draw: st.DrawFn) -> tuple[list[SearchDoc], str]:
    rows = draw(st.lists(doc_st, min_size=1, max_size=25))
    docs = [SearchDoc(f"k{i}", code, name, g) for i, (code, name, g) in enumerate(rows)]
    some = draw(st.sampled_from(docs))
    words = some.name.split()
    query = draw(
        st.one_of(
            st.just(some.name),
            st.just(fold(some.name)),
            st.just(some.code),
            st.just(some.code[: draw(st.integers(1, len(some.code)))]),
            st.just(initials(some.name)),
            st.permutations(words).map(lambda ws: " ".join(w[:2] for w in ws)),
            st.just(some.name[: draw(st.integers(0, len(some.name)))]),
            st.lists(st.sampled_from(SYLLABLES), max_size=3).map(" ".join),
            st.text(alphabet="cgplxaáđ .-1", max_size=6),
        )
    )
    return docs, query


@settings(max_examples=300, deadline=None)
@given(catalog_and_query(), st.integers(1, 30), st.sampled_from([None, "A", "B"]))
def test_matches_oracle(case: tuple[list[SearchDoc], str], limit: int, group: str | None) -> None:
    docs, query = case
    assert ProcedureIndex(docs).search(query, limit, group) == oracle(docs, query, limit, group)
