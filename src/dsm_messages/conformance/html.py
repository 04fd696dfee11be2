"""The report as one self-contained HTML page: no script, no file or font beside it, readable
offline and printable. Per protocol, the conversations first, then each rule with its probes;
a failure is open, with what was expected, what came and the messages exchanged folded under
it; passes and probes that did not apply are closed."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from .model import Exchange, Finding, rule_row, source_text
from .report import PROTOCOL_NAMES, ConformanceReport, ProbeResult, shown

__all__ = ["to_html"]

_WORD = {"passed": "passed", "failed": "failed", "not_applicable": "not applicable"}
_DIRECTION = {
    "sent": "kit \u2192 target",
    "answer": "target \u2192 kit",
    "event": "event \u2192 kit",
}

_STYLE = """
:root { --ok: #1a7f37; --bad: #c62828; --na: #6e7781; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328;
       margin: 0 auto; max-width: 74rem; padding: 1.5rem 2rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .4rem; padding-bottom: .3rem;
     border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 1.4rem 0 .4rem; color: #57606a; text-transform: uppercase;
     letter-spacing: .04em; }
code, pre { font: 13px/1.45 ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
.lead { color: #57606a; margin: 0 0 1rem; }
.counts { display: flex; gap: .75rem; margin: 1rem 0; flex-wrap: wrap; }
.count { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; min-width: 9rem; }
.count b { display: block; font-size: 1.6rem; line-height: 1.2; }
.count.failed b { color: var(--bad); } .count.passed b { color: var(--ok); }
.count.not_applicable b { color: var(--na); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem;
         border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
.badge { display: inline-block; min-width: 6.8rem; text-align: center; border-radius: 999px;
         padding: 0 .6rem; font-size: .8rem; font-weight: 600; color: #fff; margin-right: .5rem; }
.badge.passed { background: var(--ok); } .badge.failed { background: var(--bad); }
.badge.not_applicable { background: var(--na); }
.rule { border: 1px solid var(--line); border-radius: 8px; margin: .6rem 0; }
.rule.has-failure { border-color: var(--bad); }
.rule > header { padding: .5rem .8rem; background: var(--soft); border-radius: 8px 8px 0 0; }
.rule > header code { font-weight: 700; }
.rule > header .source { color: #57606a; font-size: .85rem; }
details.probe { border-top: 1px solid var(--line); padding: .35rem .8rem; }
details.probe > summary { cursor: pointer; list-style-position: outside; }
details.probe > summary .id { color: #57606a; font-size: .85rem; margin-left: .3rem; }
.why { margin: .3rem 0 .3rem 0; }
.steps { color: #57606a; font-size: .9rem; margin: .2rem 0 .5rem; }
.finding { border-left: 4px solid var(--bad); background: #fff5f5; padding: .4rem .7rem;
           margin: .4rem 0; }
.finding.warning { border-color: #bf8700; background: #fff8e5; }
.finding dl { display: grid; grid-template-columns: 6.5rem 1fr; margin: .3rem 0 0; gap: 0 .6rem; }
.finding dt { color: #57606a; } .finding dd { margin: 0; }
details.message { margin: .25rem 0; }
details.message > summary { cursor: pointer; font-size: .9rem; }
details.message.shows > summary { font-weight: 600; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
      padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all;
      max-height: 28rem; overflow-y: auto; margin: .3rem 0 .6rem; }
.muted { color: #57606a; }
footer { margin-top: 3rem; color: #57606a; font-size: .85rem; }
@media print { details { display: block; } pre { max-height: none; } }
"""


def to_html(report: ConformanceReport) -> str:
    """The report as a self-contained HTML page (no script, nothing fetched).

    :param report: what a run found.
    """
    return "\n".join(_page(report))


def _page(report: ConformanceReport) -> Iterator[str]:
    from .. import __version__

    target = report.target
    counts = report.summary()
    title = f"Conformance of {target.name}"
    yield "<!DOCTYPE html>"
    yield '<html lang="en"><head><meta charset="utf-8">'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
    yield f"<h1>{escape(title)}</h1>"
    failed = counts["failed"]
    verdict = (
        "keeps every rule probed"
        if report.ok
        else f"fails {failed} probe{'' if failed == 1 else 's'}"
    )
    yield (
        f'<p class="lead">{escape(target.name)} {verdict}. Run on '
        f"{escape(report.started.strftime('%Y-%m-%d %H:%M UTC'))} in {report.seconds:.1f} s "
        f"(at most {report.time_limit:g} s per probe), judged in the {target.profile} profile.</p>"
    )
    yield '<div class="counts">'
    for key in ("failed", "passed", "not_applicable"):
        yield f'<div class="count {key}"><b>{counts[key]}</b>{_WORD[key]}</div>'
    yield "</div>"
    yield "<table><tr><th>Protocol</th><th>The target is</th><th>Address</th><th>Results</th></tr>"
    groups = report.by_protocol()
    for protocol in target.protocols:
        results = groups.get(protocol, ())
        yield (
            f"<tr><td>{escape(PROTOCOL_NAMES.get(protocol, protocol))}</td>"
            f"<td>{escape(target.side(protocol))}</td><td><code>"
            f"{escape(target.addresses[protocol])}</code></td><td>{_tally(results)}</td></tr>"
        )
    yield "</table>"
    yield (
        '<p class="muted">Each probe plays the client\u2019s side of a protocol against the '
        "target and checks the rules listed with it. A probe fails when a rule it checks is "
        "broken; what other rules were broken on the way is listed under it as an observation. "
        "A probe does not apply when the target does not offer what it needs.</p>"
    )
    for protocol, results in groups.items():
        yield from _protocol(report, protocol, results)
    observed = [finding for finding in report.observations if finding.severity == "error"]
    if observed:
        yield "<h2>Events after their probe ended</h2>"
        yield (
            '<p class="muted">Events about a job that arrived after the probe that created '
            "it had finished, and the rules they break.</p>"
        )
        for finding in observed:
            yield from _findings([finding], "finding")
            if finding.exchange is not None and finding.exchange < len(report.late):
                late = report.late[finding.exchange]
                yield from _messages((late,), {0})
    yield (
        f"<footer>Generated by dsm-messages {escape(__version__)}: every probe is described "
        "in the guide \u201cTest your implementation\u201d.</footer>"
    )
    yield "</body></html>"


def _tally(results: tuple[ProbeResult, ...]) -> str:
    parts = []
    for key in ("failed", "passed", "not_applicable"):
        count = sum(1 for result in results if result.verdict == key)
        if count:
            parts.append(f"{count} {_WORD[key]}")
    return escape(", ".join(parts) or "none run")


def _protocol(
    report: ConformanceReport, protocol: str, results: tuple[ProbeResult, ...]
) -> Iterator[str]:
    name = PROTOCOL_NAMES.get(protocol, protocol)
    side = report.target.side(protocol)
    yield (
        f'<h2 id="{escape(protocol)}">{escape(name)} '
        f'<span class="muted">\u2014 the target as {escape(side)}</span></h2>'
    )
    if all(result.verdict == "not_applicable" for result in results):
        reasons = sorted({result.reason for result in results})
        yield f'<p class="why">None of its {len(results)} probes applies: '
        yield escape("; ".join(reasons)) + ".</p>"
        return
    conversations = tuple(r for r in results if r.probe.kind == "conversation")
    refusals = tuple(r for r in results if r.probe.kind == "refusal")
    if conversations:
        yield "<h3>Conversations: what the target sends</h3>"
        failed = any(result.verdict == "failed" for result in conversations)
        yield f'<section class="rule{" has-failure" if failed else ""}">'
        yield (
            "<header>Every answer and event is checked against every rule the target's side "
            "keeps: valid in the strict profile, related to its request, in order.</header>"
        )
        for result in conversations:
            yield from _probe(result)
        yield "</section>"
    if refusals:
        yield "<h3>Refusals: what the target must not accept</h3>"
        for rule, group in report.by_rule(refusals).items():
            row = rule_row(rule)
            failed = any(result.verdict == "failed" for result in group)
            anchor = f"{protocol}-{rule}"
            yield f'<section class="rule{" has-failure" if failed else ""}" id="{escape(anchor)}">'
            yield (
                f"<header><code>{escape(rule)}</code> {escape(row.summary)} "
                f'<span class="source">({escape(source_text(row.source))})</span></header>'
            )
            for result in group:
                yield from _probe(result)
            yield "</section>"


def _probe(result: ProbeResult) -> Iterator[str]:
    probe = result.probe
    opened = " open" if result.verdict == "failed" else ""
    yield f'<details class="probe"{opened}><summary>'
    yield f'<span class="badge {result.verdict}">{_WORD[result.verdict]}</span>'
    yield f'{escape(probe.summary)}<span class="id">{escape(probe.id)}</span></summary>'
    if probe.steps:
        yield f'<p class="steps">{escape(probe.steps)}</p>'
    if result.verdict == "not_applicable":
        yield f'<p class="why">Does not apply: {escape(result.reason)}.</p>'
    elif result.verdict == "passed" and result.reason:
        yield f'<p class="why">{escape(result.reason[0].upper() + result.reason[1:])}.</p>'
    shows = {finding.exchange for finding in result.findings}
    yield from _findings(result.findings, "finding")
    others = [finding for finding in result.observations if finding.severity == "error"]
    warnings = [finding for finding in result.observations if finding.severity == "warning"]
    if others or warnings:
        yield '<details class="message"><summary>'
        yield escape(_observed(len(others), len(warnings)))
        yield "</summary>"
        yield from _findings(others, "finding")
        yield from _findings(warnings, "finding warning")
        yield "</details>"
    if result.exchanges:
        yield from _messages(result.exchanges, shows)
    yield "</details>"


def _observed(errors: int, warnings: int) -> str:
    parts = []
    if errors:
        parts.append(f"{errors} other rule{'s' if errors > 1 else ''} broken on the way")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings > 1 else ''}")
    return "Observed: " + " and ".join(parts)


def _findings(findings: list[Finding] | tuple[Finding, ...], kind: str) -> Iterator[str]:
    for finding in findings:
        rule = escape(str(finding.rule))
        message = finding.message[:1].upper() + finding.message[1:]
        yield f'<div class="{kind}"><code>{rule}</code> {escape(message)}'
        if finding.expected is not None or finding.got is not None:
            yield "<dl>"
            if finding.expected is not None:
                yield f"<dt>expected</dt><dd>{escape(finding.expected)}</dd>"
            if finding.got is not None:
                yield f"<dt>got</dt><dd>{escape(finding.got)}</dd>"
            yield "</dl>"
        yield "</div>"


def _messages(exchanges: tuple[Exchange, ...], shows: set[int | None] | None) -> Iterator[str]:
    for index, exchange in enumerate(exchanges, start=1):
        highlighted = shows is not None and index - 1 in shows
        status = f", HTTP {exchange.status}" if exchange.status is not None else ""
        cleanup = " (cleanup)" if exchange.phase == "cleanup" else ""
        kind = "message shows" if highlighted else "message"
        judged = " \u2014 judged above" if highlighted else ""
        yield f'<details class="{kind}"><summary>{index}. {_DIRECTION[exchange.direction]}: '
        yield f"{escape(exchange.summary)}{escape(status)}{cleanup}{judged}</summary>"
        yield f"<pre>{escape(shown(exchange, pretty=True))}</pre></details>"
