"""The protocol side of the language server (pygls over stdio): diagnostics on open, change and save,
hover, and code actions that apply the linter's fixes.

Each diagnostic carries its fix (``data.fix``), so a code action needs no second lint. A document that
cannot be read (malformed XML, a bad configuration or glossary) gets one diagnostic on its first line
with the error, as the command line prints it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from ..errors import HenanTermsError
from ..model import Severity
from ..version import __version__
from .documents import Mark, Projects, Span
from .hover import describe

__all__ = ["make_server", "serve"]

SOURCE = "henan-terms"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class HenanTermsServer(LanguageServer):
    """A language server with the projects (glossaries, linters) of its run."""

    def __init__(self) -> None:
        super().__init__(SOURCE, __version__)
        self.projects = Projects()
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}

    def opened(self, path: Path) -> str | None:
        """The text of a file the editor holds open, None when it holds none."""
        for document in list(self.workspace.text_documents.values()):
            if document.path and Path(document.path) == path:
                return str(document.source)
        return None

    def publish(self, uri: str) -> None:
        """Lint a document and publish its diagnostics; then those of the open drafts it is the source of."""
        document = self.workspace.get_text_document(uri)
        if not document.path:
            return
        self._publish(document)
        path = Path(document.path)
        for other in list(self.workspace.text_documents.values()):
            if other.uri != uri and other.path and self._source_of(Path(other.path)) == path:
                self._publish(other)

    def _publish(self, document: TextDocument) -> None:
        try:
            marks = self.projects.lint(Path(document.path), document.source, self.opened)
            diagnostics = [_diagnostic(document, mark) for mark in marks]
        except HenanTermsError as error:
            diagnostics = [_error(str(error))]
        self.diagnostics[document.uri] = diagnostics
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=document.uri, diagnostics=diagnostics, version=document.version)
        )

    def _source_of(self, draft: Path) -> Path | None:
        try:
            return self.projects.config(draft).source_of(draft)
        except HenanTermsError:
            return None


def _diagnostic(document: TextDocument, mark: Mark) -> types.Diagnostic:
    finding = mark.finding
    related = [
        types.DiagnosticRelatedInformation(
            types.Location(document.uri, _range(document, span)), f"{occurrence.text!r} (line {occurrence.line})"
        )
        for occurrence, span in mark.related
    ]
    return types.Diagnostic(
        range=_range(document, mark.span),
        message=finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.check,
        source=SOURCE,
        related_information=related or None,
        data={"fix": mark.fix} if mark.fix is not None else None,
    )


def _error(message: str) -> types.Diagnostic:
    start = types.Position(0, 0)
    return types.Diagnostic(
        range=types.Range(start, start),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        code="input",
        source=SOURCE,
    )


def _range(document: TextDocument, span: Span) -> types.Range:
    """A span in code points as the client counts (UTF-16 unless it chose otherwise)."""
    return document.position_codec.range_to_client_units(
        document.lines,
        types.Range(types.Position(span.line, span.start), types.Position(span.line, span.end)),
    )


def _fix(diagnostic: types.Diagnostic) -> str | None:
    data: Any = diagnostic.data
    return data.get("fix") if diagnostic.source == SOURCE and isinstance(data, dict) else None


def make_server() -> HenanTermsServer:
    """A server with its features registered."""
    server = HenanTermsServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: HenanTermsServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: HenanTermsServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: HenanTermsServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: HenanTermsServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.diagnostics.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: HenanTermsServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        if not document.path or params.position.line >= len(document.lines):
            return None
        position = document.position_codec.position_from_client_units(document.lines, params.position)
        line = document.lines[position.line].rstrip("\r\n")
        try:
            project = ls.projects.project(ls.projects.config(Path(document.path)))
        except HenanTermsError:
            return None  # the document's diagnostics say why
        text = describe(project, line, position.character)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
    )
    def code_action(ls: HenanTermsServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        actions = []
        for diagnostic in params.context.diagnostics:
            fix = _fix(diagnostic)
            if fix is not None:
                actions.append(
                    types.CodeAction(
                        title=f"Replace with {fix!r}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=True,
                        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(diagnostic.range, fix)]}),
                    )
                )
        edits = [types.TextEdit(d.range, fix) for d in ls.diagnostics.get(uri, []) if (fix := _fix(d)) is not None]
        if edits:
            actions.append(
                types.CodeAction(
                    title=f"Fix every deprecated and near-miss rendering ({len(edits)})",
                    kind=types.CodeActionKind.SourceFixAll,
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                )
            )
        return actions

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: HenanTermsServer, params: None) -> None:
        ls.projects.close()

    return server


def serve() -> None:
    """Run a server on stdin and stdout until the editor ends it."""
    make_server().start_io()
