"""How reporters name the sides of a suit: organisation names holding "for", suits "brought by X
against Y", and relative clauses naming who sued."""

from __future__ import annotations

import pytest

from summarizer import Facts, summarize

_LEAD = (
    "A federal judge on Friday blocked the policy. U.S. District Judge Ann Cole granted a "
    "preliminary injunction. "
)


def _facts(sentence: str) -> Facts:
    return summarize(_LEAD + sentence, title="Judge blocks policy")


@pytest.mark.parametrize(
    ("sentence", "plaintiffs", "defendants"),
    [
        (
            "The lawsuit was brought by the Alliance for Rural Midwives against the Food and Drug "
            "Administration.",
            ("Alliance for Rural Midwives",),
            ("Food and Drug Administration",),
        ),
        (
            "The suit was filed by Citizens for Open Budgets and two residents.",
            ("Citizens for Open Budgets", "two residents"),
            (),
        ),
        (
            "Tri-County Clinics sued the Centers for Disease Control and Prevention last year.",
            ("Tri-County Clinics",),
            ("Centers for Disease Control and Prevention",),
        ),
        (
            "Marlow Hospital sued the Centers for Medicare and Medicaid Services in May.",
            ("Marlow Hospital",),
            ("Centers for Medicare and Medicaid Services",),
        ),
        (
            "The challenge was filed by Students for Quiet Campuses, which says the rule is vague.",
            ("Students for Quiet Campuses",),
            (),
        ),
        (
            "Harlan College was sued by the Office for Civil Rights over its admissions policy.",
            ("Office for Civil Rights",),
            (),
        ),
    ],
)
def test_an_organisation_name_holding_for_is_read_whole_after_by_or_sued(
    sentence: str, plaintiffs: tuple[str, ...], defendants: tuple[str, ...]
) -> None:
    f = _facts(sentence)
    assert f.plaintiffs == plaintiffs
    assert f.defendants == defendants


@pytest.mark.parametrize(
    ("sentence", "plaintiffs"),
    [
        ("The insurer was sued by Texas for Medicaid fraud.", ("Texas",)),
        (
            "The complaint was filed by Brightwater Mills for the second time.",
            ("Brightwater Mills",),
        ),
        ("The suit was brought by Center Point Realty for damages.", ("Center Point Realty",)),
        ("The suit was filed by Acme in Boston.", ("Acme",)),
    ],
)
def test_a_for_after_a_name_that_is_no_organisation_head_still_ends_the_list(
    sentence: str, plaintiffs: tuple[str, ...]
) -> None:
    assert _facts(sentence).plaintiffs == plaintiffs


@pytest.mark.parametrize(
    ("sentence", "plaintiffs", "defendants"),
    [
        (
            "The case was brought by the state of Oregon against the Department of Homeland "
            "Security.",
            ("Oregon",),
            ("Department of Homeland Security",),
        ),
        (
            "The lawsuit was filed by Pinecrest Township and two residents against Calder "
            "Pipeline LLC.",
            ("Pinecrest Township", "two residents"),
            ("Calder Pipeline LLC",),
        ),
    ],
)
def test_a_suit_brought_by_one_side_against_the_other_names_both(
    sentence: str, plaintiffs: tuple[str, ...], defendants: tuple[str, ...]
) -> None:
    f = _facts(sentence)
    assert f.plaintiffs == plaintiffs
    assert f.defendants == defendants


def test_a_dispute_one_company_brought_against_another_names_both() -> None:
    f = _facts("Cole resolved a dispute that Harbor Light Bank brought against Seaview Mall.")
    assert f.plaintiffs == ("Harbor Light Bank",)
    assert f.defendants == ("Seaview Mall",)


@pytest.mark.parametrize(
    ("sentence", "plaintiffs", "defendants"),
    [
        (
            "Cole ruled in favor of the Neighborhood Pantry Project, which had sued the Department "
            "of Agriculture over cuts to food aid.",
            ("Neighborhood Pantry Project",),
            ("Department of Agriculture",),
        ),
        (
            "Cole sided with a group of midwives and clinics, including Riverbend Birth Center, "
            "who had challenged the law.",
            ("Riverbend Birth Center",),
            (),
        ),
        (
            "The ruling is a win for Eastside Tenants Union, which challenged the city's new "
            "eviction rules in January.",
            ("Eastside Tenants Union",),
            (),
        ),
    ],
)
def test_a_relative_clause_names_who_sued_or_challenged_a_measure(
    sentence: str, plaintiffs: tuple[str, ...], defendants: tuple[str, ...]
) -> None:
    f = _facts(sentence)
    assert f.plaintiffs == plaintiffs
    assert f.defendants == defendants


def test_challenging_a_ruling_in_a_relative_clause_makes_no_plaintiff() -> None:
    # Who challenged a ruling appeals it; that says nothing of who brought the suit.
    f = _facts("The order favors Dunmore County, which had challenged the ruling in March.")
    assert f.plaintiffs == ()
