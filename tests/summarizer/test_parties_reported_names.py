"""How reporters name the sides of a suit: organisation names holding "for" or "Justice", suits
"brought by X against Y", relative clauses naming who sued, and offices named only by a title."""

from __future__ import annotations

import pytest

from summarizer import Facts, summarize
from summarizer.parties import clean_item

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
        (
            "The petition was filed by Lakeside Neighbors for Clean Water and resident Ida Voss, "
            "who had asked the court to void the permit.",
            ("Lakeside Neighbors for Clean Water", "Ida Voss"),
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
        (
            "The suit was brought by the Attorney General's Office for Mesa County residents.",
            ("Attorney General's Office",),
        ),
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


@pytest.mark.parametrize(
    "sentence",
    [
        # Who challenged a ruling appeals it; that says nothing of who brought the suit.
        "The order favors Dunmore County, which had challenged the ruling in March.",
        # A record of past suits, not this one.
        "Cole quoted Governor Ray Lusk, who has challenged several federal rules since 2021.",
    ],
)
def test_a_relative_clause_of_an_appeal_or_a_record_makes_no_plaintiff(sentence: str) -> None:
    assert _facts(sentence).plaintiffs == ()


@pytest.mark.parametrize(
    ("sentence", "plaintiffs", "defendants"),
    [
        (
            "The Harvest Access Justice Project sued the Department of Justice in April.",
            ("Harvest Access Justice Project",),
            ("Department of Justice",),
        ),
        (
            "The Justice Department sued Orrin Textiles Inc. over the hiring rules.",
            ("Justice Department",),
            ("Orrin Textiles Inc.",),
        ),
        (
            "The suit was filed by the Institute for Justice and a food-truck owner, Lena Ortiz.",
            ("Institute for Justice", "Lena Ortiz"),
            (),
        ),
    ],
)
def test_an_organisation_name_holding_justice_is_a_party(
    sentence: str, plaintiffs: tuple[str, ...], defendants: tuple[str, ...]
) -> None:
    f = _facts(sentence)
    assert f.plaintiffs == plaintiffs
    assert f.defendants == defendants


@pytest.mark.parametrize(
    "phrase",
    ["Justice Elena Kagan", "Chief Justice John Roberts", "Justice", "Justice Kagan Center"],
)
def test_a_justice_of_a_court_is_never_a_party(phrase: str) -> None:
    assert clean_item(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "party"),
    [
        ("the Secretary of Labor", "Secretary of Labor"),
        ("Secretary of Homeland Security", "Secretary of Homeland Security"),
        ("the Secretary of the Interior", "Secretary of the Interior"),
        (
            "Secretary of Housing and Urban Development",
            "Secretary of Housing and Urban Development",
        ),
        ("Attorney General of Texas", "Attorney General of Texas"),
        ("Acting Secretary of Labor", "Acting Secretary of Labor"),
        # A holder named after the office stays the party, as before.
        ("Secretary of State Marco Diaz", "Marco Diaz"),
        ("Secretary of Homeland Security Karen Lowe", "Karen Lowe"),
        ("Labor Secretary Dana Pruitt", "Dana Pruitt"),
    ],
)
def test_an_office_named_only_by_its_title_is_kept_as_printed(phrase: str, party: str) -> None:
    assert clean_item(phrase) == party


def test_an_official_sued_by_title_is_a_defendant_and_a_spokesperson_is_not() -> None:
    f = _facts(
        "Three mine workers sued the Secretary of Labor over the rule. A spokesperson for the "
        "Secretary of Labor, Jim Hale, said the department would appeal."
    )
    assert f.defendants == ("Secretary of Labor",)
    assert "Jim Hale" not in f.plaintiffs + f.defendants


@pytest.mark.parametrize(
    ("sentence", "defendants"),
    [
        (
            "The suit named the U.S. Department of Labor and the Centers for Medicare & Medicaid "
            "Services as defendants.",
            ("U.S. Department of Labor", "Centers for Medicare & Medicaid Services"),
        ),
        (
            "The complaint named Harwood Foods Inc. and its chief executive, Paul Reyes, as "
            "defendants.",
            ("Harwood Foods Inc.", "Paul Reyes"),
        ),
    ],
)
def test_the_dots_of_an_abbreviation_do_not_end_a_named_as_defendants_list(
    sentence: str, defendants: tuple[str, ...]
) -> None:
    assert _facts(sentence).defendants == defendants


def test_an_anaphor_with_its_name_in_apposition_is_that_name_not_the_first_company() -> None:
    f = summarize(
        "A federal judge on Monday dismissed a copyright suit against Vale Sound Inc. U.S. "
        "District Judge Ann Cole granted summary judgment to the label. The suit was filed by "
        "songwriter Rita Orme. Orme and her publishing company, Orme Tune Music LLC, alleged "
        "that the chorus was copied.",
        title="Judge tosses song suit",
    )
    assert "Vale Sound Inc." not in f.plaintiffs
    assert set(f.plaintiffs) == {"Rita Orme", "Orme Tune Music LLC"}


def test_a_surname_listed_beside_a_company_of_that_name_is_the_person() -> None:
    f = _facts(
        "Lionel Hask, a painter, plans to appeal. Hask and his studio, Hask Works LLC, alleged "
        "that the mural was copied."
    )
    assert set(f.plaintiffs) == {"Lionel Hask", "Hask Works LLC"}


def test_an_anaphor_beside_a_name_of_another_kind_still_stands_for_its_own_party() -> None:
    f = summarize(
        "A federal judge on Friday blocked the rule. U.S. District Judge Ann Cole granted a "
        "preliminary injunction to the plaintiffs. The rule was issued by the Department of "
        "Commerce. Three retailers sued the department, Mayor Tom Ruiz and Harlow County.",
        title="Judge blocks rule",
    )
    assert f.defendants == ("Department of Commerce", "Tom Ruiz", "Harlow County")


@pytest.mark.parametrize(
    ("sentence", "defendants"),
    [
        (
            "Two franchisors sued Mara Lind, the commissioner of the Oregon Department of Labor, "
            "in her official capacity.",
            ("Mara Lind",),
        ),
        (
            "The group sued Paul Ekins, the acting director of the Bureau of Land Management, "
            "and Kern County.",
            ("Paul Ekins", "Kern County"),
        ),
    ],
)
def test_an_office_printed_after_its_holder_describes_the_holder(
    sentence: str, defendants: tuple[str, ...]
) -> None:
    assert _facts(sentence).defendants == defendants


def test_a_place_printed_after_a_person_is_a_party_of_its_own() -> None:
    f = _facts("The parents sued Jane Ruiz, the city of Fresno and the school board in May.")
    assert "Jane Ruiz" in f.defendants and "Fresno" in " ".join(f.defendants)


@pytest.mark.parametrize(
    ("sentence", "plaintiffs"),
    [
        (
            "The lawsuit was filed by Fair Maps Now and two voters from Pima County.",
            ("Fair Maps Now", "two voters from Pima County"),
        ),
        (
            "The suit was brought by 12 parents from Lakeview, who said the ban was unlawful.",
            ("12 parents from Lakeview",),
        ),
        # Places in a list of their own would be read as parties: the list ends at "from".
        (
            "The suit was filed by Pantry Aid and five recipients from Ohio, Iowa and Utah.",
            ("Pantry Aid", "five recipients"),
        ),
    ],
)
def test_a_counted_group_keeps_the_place_it_is_from(
    sentence: str, plaintiffs: tuple[str, ...]
) -> None:
    assert _facts(sentence).plaintiffs == plaintiffs


def test_who_filed_a_motion_to_dismiss_is_a_defendant() -> None:
    body = (
        "A Delaware judge on Monday refused to dismiss a shareholder lawsuit over a pay package. "
        "Chancellor Kate Mercer of the Delaware Court of Chancery denied the motion to dismiss "
        "filed by Ellis Varga and the company's board of directors."
    )
    facts = summarize(body, title="Judge rejects bid to dismiss pay lawsuit")
    assert "Ellis Varga" in facts.defendants
    assert "Ellis Varga" not in facts.plaintiffs


def test_who_filed_a_motion_for_an_injunction_still_brought_it() -> None:
    body = (
        "A federal judge on Monday blocked the rule. U.S. District Judge Ann Cole granted the "
        "motion for a preliminary injunction filed by the Harbor Tenants Union."
    )
    facts = summarize(body, title="Judge blocks rule")
    assert "Harbor Tenants Union" in facts.plaintiffs


@pytest.mark.parametrize("item", ["April", "in April", "Monday", "on Friday"])
def test_a_date_word_is_never_a_party(item: str) -> None:
    assert clean_item(item) is None


def test_a_month_after_sued_is_not_a_defendant() -> None:
    body = (
        "U.S. District Judge Ann Cole in Boston sided with Harvard University, which sued in "
        "April after the agency froze its grants."
    )
    facts = summarize(body, title="Judge sides with Harvard")
    assert "April" not in facts.defendants
