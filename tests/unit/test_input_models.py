"""Property tests on every service input model: any value gives a model or InvalidInput, nothing else.

The models are found by walking the domain package, so a new input model is covered here at once.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import inhouse.domain
from inhouse.domain.shapes import MAX_BODY, MAX_TITLE, Input, Upload, validated
from inhouse.errors import InvalidInput


def _all_subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_all_subclasses(sub)]
    return out


def input_models() -> list[type[Input]]:
    for module in pkgutil.walk_packages(inhouse.domain.__path__, "inhouse.domain."):
        importlib.import_module(module.name)
    return sorted(set(_all_subclasses(Input)), key=lambda m: f"{m.__module__}.{m.__qualname__}")


scalars = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "   ", "x" * (MAX_BODY + 1), "⒉", "2099-01-01", "1960-01-01", "nan", "inf", "-1"]),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1, 1, 1)),
    st.booleans(),
    st.none(),
    st.binary(max_size=20),
)
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=4), scalars, max_size=2))


def test_the_domain_has_input_models():
    assert len(input_models()) >= 5


@pytest.mark.parametrize("model", input_models(), ids=lambda m: m.__qualname__)
def test_any_values_give_a_model_or_invalid_input(model):
    fields = list(model.model_fields)

    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(data=st.fixed_dictionaries({}, optional=dict.fromkeys(fields, values)))
    def check(data):
        try:
            built = validated(model, data)
        except InvalidInput as exc:
            assert exc.message.strip() and "\n" not in exc.message
            return
        assert isinstance(built, model)

    check()


def test_limits_are_the_documented_ones():
    assert (MAX_TITLE, MAX_BODY) == (200, 20_000)
    with pytest.raises(InvalidInput, match="name must be at most 255 bytes"):
        validated(Upload, name="é" * 128 + ".md", content=b"x")
    with pytest.raises(InvalidInput, match="name must be a plain file name"):
        validated(Upload, name="../etc/passwd", content=b"x")
