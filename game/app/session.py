"""A classroom session, without the screens: `play --session CODE [--results DIR] [--kiosk] [--scenario ID ...] [--check pre|post|both]`.

- `SessionPlan`: what a session holds (code, fixed playlist, quick checks, kiosk, where results go),
  made from the command line's `SessionOptions` by `plan_session`.
- `TraineeRun`: one trainee's pass through it. It attaches the pre check to the first round's record,
  holds the last round's record until the post check ends (then writes it with `checks.post`, or without
  it if the post check is abandoned: a round is never lost), and writes every record with
  `game.store.session_save.save_result` (the results folder, else a local copy in the data folder).
- `SessionResultObserver`: the round observer that hands each finished round to the `TraineeRun`.

No pygame here. The screens are in `game/ui/scenes/` (name_entry, check, handover, session_flow) and
the kiosk app in `game/ui/session.py`.
"""

from __future__ import annotations

import hashlib
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

from game.app.library import ScenarioFamily, ScenarioLibrary, resolve_scenario
from game.app.options import LaunchError
from game.app.round_driver import ResultFileObserver
from game.app.session_sync import SessionSync
from game.app.sync import SyncError
from game.resources import command_name
from game.rules.check_score import add_check
from game.rules.counterbalance import FormOrder, form_order
from game.scenario.model import LoadedScenario
from game.scenario.quiz_loader import BUILTIN_CHECKS, CheckBank, load_check_bank
from game.store.session_save import SaveOutcome, prepare_results_folder, save_result

CHECK_CHOICES = {"pre": ("pre",), "post": ("post",), "both": ("pre", "post")}


@dataclass(frozen=True)
class PlaylistEntry:
    """One scenario of the playlist: its family (for translations) and, for a file given by path, that file."""

    family: ScenarioFamily
    pinned: Optional[LoadedScenario] = None

    def version_for(self, language: str) -> LoadedScenario:
        """The scenario in the trainee's language where a translation exists."""
        pinned = self.pinned
        if pinned is not None and (pinned.scenario.language.value == language or not self.family.has_language(language)):
            return pinned
        return self.family.version_for(language)


@dataclass(frozen=True)
class SessionPlan:
    code: Optional[str]
    playlist: tuple[PlaylistEntry, ...]
    checks: tuple[str, ...] = ()  # "pre" and/or "post"
    kiosk: bool = False
    results_dir: Path = Path("results")
    fallback_dir: Optional[Path] = None  # the data folder's results/, for a local copy when results_dir fails
    form_seed: Optional[int] = None  # autoplay: the form order follows --seed
    check_seed: Optional[int] = None  # autoplay: the check items' order follows --seed
    language: str = "en"  # the language each new trainee starts in
    check_bank: Optional[CheckBank] = None
    after_trainee: Optional[Any] = None  # called with the trainee's result files when their run ends (LRS sync)

    def titles(self, language: str) -> list[str]:
        return [entry.version_for(language).scenario.title for entry in self.playlist]


class TraineeRun:
    """One trainee's turn: their form order, check entries, held record and save outcomes."""

    def __init__(self, plan: SessionPlan, name: str) -> None:
        self.plan = plan
        self.name = name
        self.order: FormOrder = form_order(seed=plan.form_seed) if plan.form_seed is not None else form_order(player_id=name, session=plan.code)
        self.pre_entry: Optional[dict] = None
        self.post_entry: Optional[dict] = None
        self.pre_attached = False
        self.held: Optional[tuple[dict, Optional["SessionResultObserver"]]] = None
        self.outcomes: list[SaveOutcome] = []
        self.unreported: list[SaveOutcome] = []  # outcomes with a problem not yet shown on screen
        self.rounds_finished = 0

    def check_seed(self, moment: str) -> int:
        """The seed of this trainee's item order in the `moment` check: drawn per trainee, or from --seed under autoplay."""
        if self.plan.check_seed is None:
            return random.SystemRandom().randrange(2**31)
        digest = hashlib.sha256(f"{self.plan.check_seed}|{self.name}|{moment}".encode("utf-8")).digest()
        return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF

    def round_finished(self, record: dict, observer: Optional["SessionResultObserver"] = None, last: bool = False) -> None:
        if self.pre_entry is not None and not self.pre_attached:
            record = add_check(record, "pre", self.pre_entry)
            self.pre_attached = True
        self.rounds_finished += 1
        if last and "post" in self.plan.checks:
            self.held = (record, observer)  # written when the post check ends (or is abandoned)
            return
        self._save(record, observer)

    def post_check_done(self, entry: dict) -> None:
        self.post_entry = entry
        self._release(entry)

    def flush(self) -> None:
        """Write a held record without the post check (the trainee or the app left before it ended)."""
        self._release(None)

    def _release(self, entry: Optional[dict]) -> None:
        if self.held is not None:
            record, observer = self.held
            self.held = None
            self._save(add_check(record, "post", entry) if entry is not None else record, observer)

    def take_problems(self) -> list[SaveOutcome]:
        problems, self.unreported = self.unreported, []
        return problems

    def _save(self, record: dict, observer: Optional["SessionResultObserver"]) -> SaveOutcome:
        outcome = save_result(record, self.plan.results_dir, self.plan.fallback_dir)
        self.outcomes.append(outcome)
        if observer is not None:
            observer.last_path = outcome.path
            observer.outcome = outcome
        if not outcome.shared:
            self.unreported.append(outcome)
        return outcome


class SessionResultObserver(ResultFileObserver):
    """Hands the finished round's record to the trainee's run, which writes (or holds) it."""

    def __init__(self, trainee: TraineeRun, last: bool) -> None:
        super().__init__(trainee.plan.results_dir)
        self.trainee = trainee
        self.last = last
        self.outcome: Optional[SaveOutcome] = None

    def on_finish(self, state: Any, info: Any, record: dict) -> None:
        self.trainee.round_finished(record, self, self.last)


@dataclass
class SessionOptions:
    code: Optional[str]
    playlist: Sequence[str] = ()
    checks: tuple[str, ...] = ()
    kiosk: bool = False
    form_seed: Optional[int] = None
    check_folder: Optional[str] = None  # --check-bank: another folder of quiz files
    check_seed: Optional[int] = None
    sync_lrs: Optional[tuple[str, str, str]] = None  # (URL, user, password file): `--sync-lrs`
    sync: Optional[SessionSync] = None  # built from `sync_lrs` by `plan_session`
    notes: list[str] = field(default_factory=list)  # things to tell the facilitator on stderr


def playlist_from(args: Any) -> list[str]:
    """The playlist the command line asks for: every --scenario ID, or else the one SCENARIO."""
    listed = list(getattr(args, "playlist", None) or [])
    if listed:
        return listed
    return [args.scenario] if getattr(args, "scenario", None) else []


def playlist_conflict(args: Any) -> Optional[str]:
    """The message when both SCENARIO and --scenario are given: `--scenario` is the whole playlist, in `play` and `autoplay` alike."""
    if getattr(args, "scenario", None) and getattr(args, "playlist", None):
        listed = list(args.playlist)
        whole = listed if listed[0] == args.scenario else [args.scenario, *listed]
        return (f"give SCENARIO ({args.scenario}) or --scenario ID ... ({' '.join(listed)}), not both: --scenario is the whole playlist, "
                f"for example --scenario {' '.join(whole)}")  # fmt: skip
    return None


def plan_session(session: SessionOptions, library: ScenarioLibrary, *, language: str, results_dir: Path, data_dir: Path) -> SessionPlan:
    """The plan for `session`; raises `LaunchError` with a plain message the facilitator can act on."""
    keys = list(session.playlist)
    if not keys:
        if session.kiosk:
            raise LaunchError("--kiosk needs a fixed playlist: add --scenario ID ... (for example --scenario tutorial jobs-abroad).")
        ordered = library.ordered(language)
        if not ordered:
            raise LaunchError("No scenarios found for the session. Add --scenario ID or a path to a scenario file.")
        keys = [ordered[0].family_id]
        session.notes.append(f"no --scenario given: the session plays '{keys[0]}'. Add --scenario ID ... to choose the playlist.")
    entries = []
    for key in keys:
        loaded, family, error = resolve_scenario(key, library)
        if error:
            raise LaunchError(f"--scenario {key}: {error}")
        entries.append(PlaylistEntry(family, loaded))
    problem = prepare_results_folder(results_dir)
    if problem:
        raise LaunchError(f"--results: {problem}. Check the folder (is the USB stick in, the network folder reachable?) and try again.")
    bank = None
    if session.checks:
        bank = load_check_bank(session.check_folder or BUILTIN_CHECKS)
        folder = session.check_folder or "scenarios/checks"
        errors = [problem for problem in bank.problems if getattr(problem, "severity", "error") == "error"]
        if session.check_folder and errors:
            raise LaunchError(f"--check-bank {folder}: {errors[0].format()} ({len(errors)} problem(s); run: {command_name()} validate {folder})")
        if not bank.forms:
            raise LaunchError(f"--check: no quick-check forms could be loaded from {folder}. Run: {command_name()} validate {folder}")
    if session.sync_lrs:
        url, user, password_file = session.sync_lrs
        try:
            session.sync = SessionSync(url, user, password_file, data_dir, report=_console)
        except SyncError as error:
            raise LaunchError(f"--sync-lrs: {error}.") from None
    return SessionPlan(
        code=session.code,
        playlist=tuple(entries),
        checks=session.checks,
        kiosk=session.kiosk,
        results_dir=Path(results_dir),
        fallback_dir=data_dir / "results",
        form_seed=session.form_seed,
        check_seed=session.check_seed,
        language=language,
        check_bank=bank,
        after_trainee=session.sync.trainee_done if session.sync else None,
    )


def _console(line: str) -> None:
    print(line, file=sys.stderr)


def sync_options(args: Any) -> tuple[Optional[tuple[str, str, str]], str]:
    """(URL, user, password file) from `--sync-lrs/--user/--password-file`, or (None, a usage problem or "")."""
    url, user, password_file = (getattr(args, name, None) for name in ("sync_lrs", "user", "password_file"))
    if not url:
        return None, "--user and --password-file go with --sync-lrs URL." if user or password_file else ""
    if not args.session:
        return None, "--sync-lrs needs --session CODE."
    if not user or not password_file:
        return None, "--sync-lrs needs --user USER and --password-file FILE."
    return (url, user, password_file), ""
