"""Settings kept between runs: atomic JSON in the data folder; a damaged file gives defaults and a warning."""

import json

from game.store.settings import Settings, load_settings, save_settings


def test_missing_file_gives_the_defaults_without_warnings(tmp_path):
    assert load_settings(tmp_path) == (Settings(), [])


def test_saved_settings_come_back(tmp_path):
    settings = Settings(language="km", text_size=3, high_contrast=True, fullscreen=True, player_name="សុខា", last_scenario="health", remember_me=True)
    assert save_settings(tmp_path, settings) is None
    assert load_settings(tmp_path) == (settings, [])
    assert not [p for p in tmp_path.iterdir() if p.name != "settings.json"]  # no temp files left


def test_a_corrupted_file_gives_defaults_and_a_warning_never_a_crash(tmp_path):
    (tmp_path / "settings.json").write_bytes(b'{"language": "km", \x00\xff')
    settings, warnings = load_settings(tmp_path)
    assert settings == Settings()
    assert len(warnings) == 1 and "using the defaults" in warnings[0]


def test_one_bad_value_resets_only_that_setting(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"language": "fr", "text_size": 2, "unknown": 1}))
    settings, warnings = load_settings(tmp_path)
    assert settings.language == "en" and settings.text_size == 2
    assert len(warnings) == 1 and "'language'" in warnings[0]


def test_an_unwritable_folder_gives_a_warning_not_an_exception(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    warning = save_settings(blocker / "sub", Settings())
    assert warning and "could not save" in warning


def test_the_name_is_not_kept_for_the_next_trainee_unless_remember_me_is_on(tmp_path):
    save_settings(tmp_path, Settings(player_name="Dara", language="km"))
    assert "Dara" not in (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert load_settings(tmp_path)[0] == Settings(language="km")


def test_a_name_written_before_remember_me_existed_is_not_shown(tmp_path):
    (tmp_path / "settings.json").write_text('{"player_name": "Sokha", "text_size": 1}', encoding="utf-8")
    assert load_settings(tmp_path) == (Settings(text_size=1), [])
