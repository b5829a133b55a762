"""Record collections made on first use: the unit of work's attributes, one per transaction."""

from __future__ import annotations

import importlib
from typing import Any, Generic, Protocol, TypeVar, overload

from sqlalchemy.orm import Session

T = TypeVar("T")


class _InTransaction(Protocol):
    @property
    def session(self) -> Session: ...


class LazyRecords(Generic[T]):
    """``uow.results``: the collection ``NAME`` of ``inhouse.store.MODULE`` on the open session,
    its module imported and the collection made the first time a transaction asks for it."""

    _names: set[str] = set()  # every attribute made this way, to forget when a transaction ends

    def __init__(self, module: str, name: str) -> None:
        self.module = f"inhouse.store.{module}"
        self.name = name
        self.attribute = name

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute
        LazyRecords._names.add(attribute)

    @overload
    def __get__(self, obj: None, owner: type) -> LazyRecords[T]: ...
    @overload
    def __get__(self, obj: _InTransaction, owner: type) -> T: ...
    def __get__(self, obj: _InTransaction | None, owner: type) -> LazyRecords[T] | T:
        if obj is None:
            return self
        records: T = getattr(importlib.import_module(self.module), self.name)(obj.session)
        vars(obj)[self.attribute] = records  # a non-data descriptor: the next read finds it there
        return records

    @classmethod
    def forget(cls, obj: Any) -> None:
        """Drop the collections made for the transaction that just ended (they hold its session)."""
        held = vars(obj)
        for attribute in cls._names & held.keys():
            del held[attribute]
