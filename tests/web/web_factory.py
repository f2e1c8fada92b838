"""A small library for web tests: the real shared sites plus one scenario ("market-fire") and its web, in English and Khmer."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / "scenarios" / "web"

SCENARIO_EN = {
    "id": "market-fire",
    "title": "Market fire",
    "language": "en",
    "accounts": [
        {"id": "hot-page", "name": "Hot Page Daily", "handle": "@hotpage.daily", "site": "mf-hot-page"},
        {"id": "city", "name": "City Hall", "handle": "@cityhall"},
    ],
    "posts": [
        {"id": "old-photo", "author": "hot-page", "text": "The whole market is burning right now! Share before they delete it.",
         "image": {"file": "images/burnt-stall.png", "alt": "A burning market"}, "verdict": "misinformation",
         "techniques": [{"id": "emotional-language", "evidence": "burning right now", "note": "Urgency."}],
         "clues": {"reverse_image": "The photo is from 2019."}, "explanation": "An old photo."},
        {"id": "city-notice", "author": "city", "text": "The market road is closed on Saturday for repairs.",
         "link": {"url": "https://riverbank-city.example/roads", "title": "Road works", "domain": "riverbank-city.example"},
         "verdict": "reliable", "explanation": "A plain notice."},
        {"id": "rice-cure", "author": "hot-page", "text": "Boiled rice water cures dengue in one night!", "verdict": "misinformation",
         "techniques": [{"id": "emotional-language", "evidence": "cures dengue in one night", "note": "A miracle."}],
         "clues": {"fact_check": "Doctors say no."}, "explanation": "No cure works in a night."},
    ],
}

SCENARIO_KM = {
    **SCENARIO_EN,
    "id": "market-fire-km",
    "title": "ភ្លើងឆេះផ្សារ",
    "language": "km",
    "translation_of": "market-fire",
    "translation_status": "draft",
    "posts": [
        {**SCENARIO_EN["posts"][0], "text": "ផ្សារទាំងមូលកំពុងឆេះឥឡូវនេះ! ចែករំលែកមុនគេលុប។",
         "techniques": [{"id": "emotional-language", "evidence": "កំពុងឆេះឥឡូវនេះ", "note": "ប្រញាប់។"}]},
        {**SCENARIO_EN["posts"][1], "text": "ផ្លូវផ្សារបិទនៅថ្ងៃសៅរ៍ ដើម្បីជួសជុល។"},
        {**SCENARIO_EN["posts"][2], "text": "ទឹកបបរព្យាបាលគ្រុនឈាមបានក្នុងមួយយប់!",
         "techniques": [{"id": "emotional-language", "evidence": "ព្យាបាលគ្រុនឈាម", "note": "អព្ភូតហេតុ។"}]},
    ],
}

HOT_SITE = {
    "id": "mf-hot-page", "name": "Hot Page Daily", "domain": "hotpagedaily.example", "kind": "blog",
    "about": {"runs_it": "Unknown.", "first_seen": "2025-07", "registered": "2025-07-01", "registrant": "Hidden by a privacy service"},
}

WEB_EN = {
    "kind": "web", "id": "market-fire-web", "language": "en", "scenario": "market-fire",
    "sites": [HOT_SITE],
    "pages": [
        {"id": "mf-fact-check", "site": "check-before-share", "title": "No, this photo of a burning market is from 2019",
         "date": "2025-09-03", "role": "settles", "concerns": ["old-photo"],
         "text": "A photo shared today shows a burning market. It is not new: Lotus Daily News published it in March 2019."},
        {"id": "mf-2019-report", "site": "lotus-daily", "title": "Fire destroys forty stalls at the old market",
         "date": "2019-03-12", "role": "settles", "concerns": ["old-photo"], "author": "Sok Dara",
         "text": "Forty stalls burned at the old market last night. Nobody was hurt. Firefighters came within ten minutes."},
        {"id": "mf-repeat", "site": "mf-hot-page", "title": "SHOCKING: the whole market is burning RIGHT NOW",
         "date": "2025-09-03", "role": "data_void", "concerns": ["old-photo"],
         "text": "The whole market is burning right now and nobody is helping. Share before they delete it!"},
        {"id": "mf-road-notice", "site": "interior", "title": "Market road closed on Saturday for repairs",
         "date": "2025-09-01", "role": "confirms", "concerns": ["city-notice"],
         "text": "The road beside the market is closed on Saturday from 7:00 to 17:00 for repairs."},
        {"id": "mf-dengue", "site": "moh", "title": "Dengue: what helps and what does not",
         "date": "2025-06-02", "role": "settles", "concerns": ["rice-cure"],
         "text": "No drink cures dengue. Rice water, papaya leaves and lime juice do not cure it. Go to a health centre if a fever lasts two days."},
        {"id": "mf-rice-blog", "site": "daily-tips", "title": "Boiled rice water cures dengue in one night",
         "date": "2025-08-30", "role": "data_void", "concerns": ["rice-cure"],
         "text": "My grandmother says boiled rice water cures dengue in one night. Try it and share!"},
        {"id": "mf-stalls", "site": "srok-forum", "title": "Where to rent a market stall",
         "date": "2025-06-20", "role": "distractor",
         "text": "Stalls at the old market cost about forty dollars a month. Ask the market committee."},
    ],
    "pictures": [
        {"file": "images/burnt-stall.png", "appearances": [
            {"site": "srok-forum", "date": "2021-01-05", "caption": "Remember this fire?"},
            {"site": "lotus-daily", "date": "2019-03-12", "caption": "Fire destroys forty stalls", "page": "mf-2019-report"},
        ]},
    ],
    "queries": [
        {"post": "old-photo", "good": "market fire photo 2019", "headline": "the whole market is burning right now"},
        {"post": "rice-cure", "good": "dengue cure rice water health ministry", "headline": "Boiled rice water cures dengue in one night"},
    ],
}

WEB_KM = {
    "kind": "web", "id": "market-fire-web-km", "language": "km", "translation_of": "market-fire-web",
    "translation_status": "draft", "scenario": "market-fire-km",
    "sites": [{**HOT_SITE, "name": "ទំព័រក្ដៅប្រចាំថ្ងៃ", "about": {**HOT_SITE["about"], "runs_it": "មិនដឹងច្បាស់។", "registrant": "លាក់ដោយសេវាការពារឯកជនភាព"}}],
    "pages": [
        {**WEB_EN["pages"][0], "title": "ទេ រូបថតផ្សារឆេះនេះ ជារូបពីឆ្នាំ ២០១៩",
         "text": "រូបថតដែលគេចែករំលែកថ្ងៃនេះ បង្ហាញផ្សារមួយកំពុងឆេះ។ វាមិនមែនជារូបថ្មីទេ៖ ព័ត៌មានឡូតុសប្រចាំថ្ងៃបានផ្សាយវាក្នុងខែមីនា ឆ្នាំ ២០១៩។"},
        {**WEB_EN["pages"][1], "title": "ភ្លើងឆេះតូបចំនួនសែសិបនៅផ្សារចាស់", "author": "សុខ តារា",
         "text": "តូបចំនួនសែសិបបានឆេះនៅផ្សារចាស់កាលពីយប់មិញ។ គ្មាននរណាម្នាក់រងរបួសទេ។"},
        {**WEB_EN["pages"][2], "title": "ភ្ញាក់ផ្អើល៖ ផ្សារទាំងមូលកំពុងឆេះឥឡូវនេះ",
         "text": "ផ្សារទាំងមូលកំពុងឆេះឥឡូវនេះ ហើយគ្មាននរណាជួយទេ។ ចែករំលែកមុនគេលុប!"},
        {**WEB_EN["pages"][3], "title": "ផ្លូវផ្សារបិទនៅថ្ងៃសៅរ៍ ដើម្បីជួសជុល",
         "text": "ផ្លូវក្បែរផ្សារបិទនៅថ្ងៃសៅរ៍ ពីម៉ោង ៧ ដល់ម៉ោង ១៧ ដើម្បីជួសជុល។"},
        {**WEB_EN["pages"][4], "title": "គ្រុនឈាម៖ អ្វីដែលជួយ និងអ្វីដែលមិនជួយ",
         "text": "គ្មានភេសជ្ជៈណាព្យាបាលគ្រុនឈាមបានទេ។ ទឹកបបរ ស្លឹកល្ហុង និងទឹកក្រូចឆ្មា មិនព្យាបាលវាទេ។ សូមទៅមណ្ឌលសុខភាព ប្រសិនបើគ្រុនក្ដៅលើសពីពីរថ្ងៃ។"},
        {**WEB_EN["pages"][5], "title": "ទឹកបបរព្យាបាលគ្រុនឈាមបានក្នុងមួយយប់",
         "text": "យាយខ្ញុំនិយាយថា ទឹកបបរព្យាបាលគ្រុនឈាមបានក្នុងមួយយប់។ សាកល្បងទៅ ហើយចែករំលែក!"},
        {**WEB_EN["pages"][6], "title": "កន្លែងជួលតូបនៅផ្សារ",
         "text": "តូបនៅផ្សារចាស់មានតម្លៃប្រហែលសែសិបដុល្លារក្នុងមួយខែ។ សូមសួរគណៈកម្មការផ្សារ។"},
    ],
    "pictures": [
        {"file": "images/burnt-stall.png", "appearances": [
            {"site": "srok-forum", "date": "2021-01-05", "caption": "ចាំភ្លើងនេះទេ?"},
            {"site": "lotus-daily", "date": "2019-03-12", "caption": "ភ្លើងឆេះតូបសែសិប", "page": "mf-2019-report"},
        ]},
    ],
    "queries": [
        {"post": "old-photo", "good": "រូបថតផ្សារឆេះ ២០១៩", "headline": "ផ្សារទាំងមូលកំពុងឆេះឥឡូវនេះ"},
        {"post": "rice-cure", "good": "គ្រុនឈាម ទឹកបបរ ក្រសួងសុខាភិបាល", "headline": "ទឹកបបរព្យាបាលគ្រុនឈាមបានក្នុងមួយយប់"},
    ],
}


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def dump(data: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def make_library(root: Path, *, km: bool = True) -> Path:
    """`root/web/` (the real shared sites) and `root/market-fire/` (scenario and web, English and Khmer)."""
    (root / "web").mkdir(parents=True, exist_ok=True)
    for path in SHARED.glob("*.yaml"):
        shutil.copy(path, root / "web" / path.name)
    folder = root / "market-fire"
    (folder / "images").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (16, 16), "orange").save(folder / "images" / "burnt-stall.png")
    dump(SCENARIO_EN, folder / "market-fire.en.yaml")
    dump(WEB_EN, folder / "web.en.yaml")
    if km:
        dump(SCENARIO_KM, folder / "market-fire.km.yaml")
        dump(WEB_KM, folder / "web.km.yaml")
    return root
