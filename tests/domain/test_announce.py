"""The sentence the hall display says for a call (domain/announce.py)."""

from __future__ import annotations

import pytest

from counter_app.domain.announce import call_caption, call_sentence, number_words, spell_ticket


def test_the_call_sentence_spells_the_ticket_and_says_the_desk() -> None:
    assert call_sentence("A023", 5) == "Mời số A không hai ba đến quầy số năm"
    assert call_caption("A023", 5) == "Mời số A023 đến quầy số 5"


@pytest.mark.parametrize(
    ("display", "spoken"),
    [
        ("A023", "A không hai ba"),
        ("b105", "bê một không năm"),
        ("D999", "dê chín chín chín"),
        ("A-3·017", "A, ba, không một bảy"),  # an offline desk's own ticket
        (" C001 ", "xê không không một"),
    ],
)
def test_tickets_are_spelled_character_by_character(display: str, spoken: str) -> None:
    assert spell_ticket(display) == spoken


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (100, "một trăm"),
        (105, "một trăm linh năm"),
        (121, "một trăm hai mươi mốt"),
    ],
)
def test_desk_numbers_are_read_as_numbers(n: int, words: str) -> None:
    assert number_words(n) == words


def test_a_number_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError):
        number_words(1000)
