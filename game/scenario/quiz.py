"""Quiz format v1: the pre/post quick check's item banks as typed, immutable models.

A quiz file is YAML with `kind: quiz` at the top (that marker is how `validate` and the scenario
library tell a quiz from a scenario). It holds one *form* (A or B) of the check: short headlines or
posts, each judged real or fake, after the MIST-20 model (Maertens et al.). The JSON Schema in
`scenarios/quiz.schema.json` is exported from these models (`game.scenario.quiz_schema`).
Checks a type system cannot make (>= 16 items, 50/50 real/fake, unique ids, images, translations,
matched forms) live in `game.scenario.quiz_loader`. Pure data: no file I/O, no clock, no pygame.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from game.scenario.model import Id, Image, Language, NonEmpty, TranslationStatus, enum_meanings

QUIZ_KIND = "quiz"


class _QuizModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class QuizVerdict(str, Enum):
    """What a check item really is."""

    real = "real"
    fake = "fake"

    @property
    def is_fake(self) -> bool:
        return self is QuizVerdict.fake


class Form(str, Enum):
    """Which of the two parallel forms of the check a file holds."""

    A = "A"
    B = "B"

    @property
    def other(self) -> "Form":
        return Form.B if self is Form.A else Form.A


class Difficulty(str, Enum):
    """The item writer's estimate of how hard an item is; used to match forms A and B."""

    easy = "easy"
    medium = "medium"
    hard = "hard"


QUIZ_ENUM_MEANINGS = {
    QuizVerdict: {
        "real": "reliable news: written and sourced the way trustworthy reporting is",
        "fake": "misinformation or a scam: false, misleading or fraudulent",
    },
    Form: {"A": "form A of the check", "B": "form B, parallel to form A (same topics, verdicts and difficulty)"},
    Difficulty: {"easy": "most untrained readers get it right", "medium": "about half get it right", "hard": "most untrained readers get it wrong"},
}


def quiz_enum_meanings(enum: type[Enum]) -> str:
    """One line listing each value of a quiz enum with its meaning."""
    return "; ".join(f"'{value}': {meaning}" for value, meaning in QUIZ_ENUM_MEANINGS[enum].items())


class QuizItem(_QuizModel):
    """One item of the check: a short headline or post that the trainee judges Real, Fake or Not sure."""

    id: Id
    text: NonEmpty = Field(description="The headline or short post, as the trainee sees it. Keep it under about 300 characters.")
    source: Optional[NonEmpty] = Field(None, description="Optional: the outlet or page name shown above the text, e.g. 'Tonle News'. Use fictional names only.")
    image: Optional[Image] = Field(None, description="Optional picture shown with the item, with alt text.")
    verdict: QuizVerdict = Field(description="What the item really is. " + quiz_enum_meanings(QuizVerdict))
    topic: Id = Field(description="The item's topic, e.g. jobs, money, health, disaster, officials, community. Forms A and B should have the same number of items on each topic.")
    difficulty: Optional[Difficulty] = Field(None, description="Optional: the writer's estimate of difficulty, to match forms A and B. " + quiz_enum_meanings(Difficulty))
    note: str = Field("", description="For facilitators and reviewers only, never shown during the check: why the item is real or fake.")


class Quiz(_QuizModel):
    """One form of the pre/post quick check."""

    kind: Literal["quiz"] = Field(description="Always 'quiz': marks this file as a quick-check form, not a scenario.")
    id: Id
    title: NonEmpty = Field(description="The check's name, shown to the facilitator and at the top of the check.")
    language: Language = Field(description="Language of all text in this file. " + enum_meanings(Language))
    form: Form = Field(description="Which parallel form this file holds. " + quiz_enum_meanings(Form))
    translation_of: Optional[Id] = Field(None, description="The id of the quiz this file translates (in the same folder). Item ids and verdicts must match it.")
    translation_status: TranslationStatus = Field(
        TranslationStatus.original, description="Review status of this file's language. " + enum_meanings(TranslationStatus)
    )
    description: str = Field("", description="One or two sentences for the facilitator: what the check covers.")
    items: list[QuizItem] = Field(min_length=1, description="The items, in the order shown (unless the game shuffles them). At least 16, half real and half fake.")

    def item(self, item_id: str) -> QuizItem:
        return next(item for item in self.items if item.id == item_id)

    @property
    def real_items(self) -> int:
        return sum(1 for item in self.items if item.verdict is QuizVerdict.real)

    @property
    def fake_items(self) -> int:
        return sum(1 for item in self.items if item.verdict is QuizVerdict.fake)


class LoadedQuiz(BaseModel):
    """A quiz as the loader hands it to the game: the parsed file plus where it came from."""

    model_config = ConfigDict(frozen=True)

    quiz: Quiz
    path: str = Field(description="The file it was loaded from, as given.")
    sha256: str = Field(description="SHA-256 of the file's bytes.")
