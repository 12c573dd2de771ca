"""Sentence splitting: legal abbreviations, quotations and page residue."""

from __future__ import annotations

from bot.followup.sentences import split_sentences
from tests.followup.helpers import dev_article


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    body = (
        "U.S. District Judge Marguerite A. Tolland ruled in Okafor v. Skyward Inc. on Jan. 5."
        " Sen. Lomax, D-Minn., objected. The case is No. 24-3318 in the 9th U.S. Circuit Ct."
        " of Appeals."
    )
    assert texts(body) == [
        "U.S. District Judge Marguerite A. Tolland ruled in Okafor v. Skyward Inc. on Jan. 5.",
        "Sen. Lomax, D-Minn., objected.",
        "The case is No. 24-3318 in the 9th U.S. Circuit Ct. of Appeals.",
    ]


def test_a_quotation_of_several_sentences_stays_with_its_attribution() -> None:
    body = '"You didn\'t just take money. You took the trust," the judge said. She left.'
    assert texts(body) == [
        '"You didn\'t just take money. You took the trust," the judge said.',
        "She left.",
    ]


def test_times_and_a_bare_no_end_sentences() -> None:
    body = "Devices worked by 11:30 a.m. Technicians left.\nNo. The court was careful."
    assert texts(body) == [
        "Devices worked by 11:30 a.m.",
        "Technicians left.",
        "No.",
        "The court was careful.",
    ]


def test_bylines_footers_and_wire_tags_are_not_sentences() -> None:
    body = "\n".join(
        [
            "By Janet Kowalczyk, Staff Writer",
            "The judge ruled on Tuesday.",
            "RELATED: Appeals court weighs fight over grants",
            "CLICK HERE TO GET THE LATEST NEWS",
            "Subscribe to our newsletter for breaking news alerts.",
            "(Reporting by Anna Feldkamp in Washington; Editing by Carla Dunn)",
            "###",
            "Media contact: Communications Office, (615) 555-0117",
            "© Ridgeview Courier. All rights reserved.",
        ]
    )
    assert texts(body) == ["The judge ruled on Tuesday."]


def test_headings_are_kept_as_context_for_the_paragraph_below() -> None:
    body = "What happens now?\n\nThe law stays in effect. Expect more.\n\nLater paragraph."
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == [
        "The law stays in effect.",
        "Expect more.",
        "Later paragraph.",
    ]
    assert sentences[0].heading == "What happens now"
    assert sentences[2].heading is None


def test_every_sentence_is_a_verbatim_slice_of_the_article() -> None:
    for name in ("001", "006", "021", "025", "034"):
        article = dev_article(name)
        sentences = split_sentences(article.text)
        assert len(sentences) > 8
        for s in sentences:
            assert s.text in article.text
