"""A section's icon is one that the installed Material for MkDocs ships:
another would show on the home page as the text of its shortcode."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit, with_line_numbers
from review.icons import close_icons, icon_problem, icons_dir, ships
from review.messages import language
from review.problems import DataError
from review.project import load_site


@pytest.fixture(scope="module")
def folder() -> Path:
    found = icons_dir()
    assert found is not None, "Material for MkDocs ships its icons with the package"
    return found


def test_the_icons_are_read_from_the_installed_theme(folder: Path):
    assert (folder / "material" / "leaf.svg").is_file()
    assert ships("material/leaf", folder) and ships("fontawesome/solid/leaf", folder)
    assert not ships("material/not-an-icon-xyz", folder)


@pytest.mark.parametrize("name", ["material/../material/leaf", "/etc/passwd", "material/Leaf", "", "material/"], ids=["dot-dot", "absolute", "capital", "empty", "no-name"])
def test_a_name_that_is_not_an_icon_name_is_never_looked_up_as_a_path(folder: Path, name: str):
    assert not ships(name, folder)
    assert icon_problem(name, folder) is not None


@pytest.fixture(scope="module")
def close_to_blot(folder: Path) -> list[str]:
    """The icons closest to a misspelt one (looked for once: it takes a
    tenth of a second or more, among thousands of names)."""
    return close_icons("material/lightning-blot", folder)


def test_a_misspelt_icon_gets_did_you_mean(folder: Path, close_to_blot: list[str]):
    assert close_to_blot[0] == "material/lightning-bolt"
    assert icon_problem("material/lightning-blot", folder) == (
        "expected an icon that Material ships, received 'material/lightning-blot'",
        f"did you mean {' or '.join(close_to_blot)}?",
    )


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "expected an icon that Material ships, received 'material/lightning-blot' (did you mean {close}?)"),
        ("vi", "cần một biểu tượng có trong Material, nhận được 'material/lightning-blot' (có phải ý bạn là {close_vi}?)"),
    ],
)
def test_an_icon_material_does_not_ship_is_refused_at_its_place(data_copy: Path, close_to_blot: list[str], lang: str, message: str):
    edit(data_copy / "energy.yaml", "icon: material/lightning-bolt", "icon: material/lightning-blot")
    close = close_to_blot
    with language(lang), pytest.raises(DataError) as caught:
        load_site(data_copy)
    expected = with_line_numbers(data_copy, "energy.yaml", "data/energy.yaml:{icon: material/lightning-blot}:7: icon: ") + message.format(close=" or ".join(close), close_vi=" hoặc ".join(close))
    assert [str(problem) for problem in caught.value.problems] == [expected]
