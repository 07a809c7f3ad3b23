"""The project's exceptions. Every message is one sentence naming the input and what to do."""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class: the CLI prints ``str(error)`` on one line of stderr."""


class InputError(NewsEventsError):
    """An input (file, JSONL line, request body) cannot be read; the batch goes on."""

    def __init__(self, source: str, problem: str, remedy: str) -> None:
        self.source = source
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{source}: {problem}; {remedy}.")


class LimitExceeded(InputError):
    """An input is larger than a configured limit."""


class StageError(NewsEventsError):
    """A pipeline stage failed on one document; recorded with the document and the stage."""

    def __init__(self, doc_id: str, stage: str, cause: BaseException) -> None:
        self.doc_id = doc_id
        self.stage = stage
        self.cause = cause
        super().__init__(
            f"{doc_id}: the {stage} stage failed ({type(cause).__name__}: {cause}); "
            "the document was skipped, please report it with the file attached."
        )


class TimeBudgetExceeded(StageError):
    """A document took longer than the per-document time budget and was stopped."""

    def __init__(self, doc_id: str, stage: str, seconds: float) -> None:
        NewsEventsError.__init__(
            self, f"{doc_id}: stopped after {seconds:g} s in the {stage} stage (the time "
            "budget per document), so the document was skipped; split it into smaller "
            "articles, or raise the budget with --doc-seconds or NEWSEVENTS_DOC_SECONDS.")
        self.doc_id = doc_id
        self.stage = stage
        self.seconds = seconds
        self.cause = TimeoutError(f"over {seconds:g} s")


class StoreError(NewsEventsError):
    """The database cannot be opened or written."""


class GoldFileError(NewsEventsError):
    """A gold file for `newsevents evaluate` is malformed."""
