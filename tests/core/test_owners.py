"""Owner vocabulary: aliases and Traditional forms resolve; unknown names are kept."""

from __future__ import annotations

import pytest

from panprd_desktop.core.annotations import Edit


@pytest.mark.parametrize(
    ("typed", "owner"),
    [
        ("粤", "广东省"), ("广东", "广东省"), ("廣東", "广东省"), ("粵", "广东省"), ("广东省", "广东省"),
        ("港", "香港特别行政区"), ("香港特區", "香港特别行政区"), ("hksar", "香港特别行政区"),
        ("澳門", "澳门特别行政区"), ("桂", "广西壮族自治区"), ("闽", "福建省"), ("滇", "云南省"),
        ("发改委", "国家发展改革委"), ("國家發展改革委", "国家发展改革委"), ("港澳办", "国务院港澳办"),
        ("  广东  ", "广东省"), ("ＨＫ", "香港特别行政区"),
    ],
)
def test_alias_resolution(library, typed: str, owner: str) -> None:
    found = library.owners.find(typed)
    assert found is not None and found.name == owner


def test_vocabulary_has_the_9_plus_2_and_central_departments(library) -> None:
    owners = library.owners.all()
    parties = [o.name for o in owners if o.kind == "party"]
    assert len(parties) == 11
    assert {"国家发展改革委", "国务院港澳办"} <= {o.name for o in owners if o.kind == "central"}


def test_unknown_name_becomes_a_new_owner(library) -> None:
    mid = library.measures.ids()[0]
    library.annotate([mid], Edit(add_leads=("深圳市前海管理局",)), "甲")
    assert library.measures.get(mid).leads == ("深圳市前海管理局",)
    added = library.owners.find("深圳市前海管理局")
    assert added is not None and added.kind == "custom"
    # Typed again (with a stray space), it is the same owner, not a second one.
    library.annotate([library.measures.ids()[1]], Edit(add_leads=(" 深圳市前海管理局",)), "甲")
    assert [o.name for o in library.owners.all()].count("深圳市前海管理局") == 1


def test_completion_offers_canonical_names(library) -> None:
    assert library.owners.complete("粵")[0] == "广东省"
    assert "香港特别行政区" in library.owners.complete("香")
    assert library.owners.complete("发展改革")[0] == "国家发展改革委"
